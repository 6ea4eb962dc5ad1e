export { DomainError, isDomainError, type FieldIssue } from './DomainError';
export { errorCatalog, type ErrorCode } from './errorCatalog';
export { fail } from './fail';
