export { recordAudit } from './recordAudit';
export { listAudit, type AuditEntry } from './listAudit';
export { auditRouter } from './auditRouter';
export { auditApi } from './auditApi';
