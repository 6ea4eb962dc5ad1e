export { recordAudit, type AuditEntry } from './recordAudit';
export { listAudit, type AuditRecord, type AuditQuery } from './listAudit';
export { auditRoutes } from './auditRoutes';
