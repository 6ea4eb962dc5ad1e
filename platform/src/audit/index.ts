export { recordAudit } from './recordAudit';
export { listAudit, type AuditEntry } from './listAudit';
