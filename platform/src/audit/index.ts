export { recordAudit, type AuditEntry } from './recordAudit';
export { listAudit, listAuditPage, type AuditRecord, type AuditQuery, type AuditFilters, type AuditPage } from './listAudit';
export { auditRoutes } from './auditRoutes';
