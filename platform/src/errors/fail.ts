import { DomainError } from './DomainError';
import { errorCatalog, type ErrorCode } from './errorCatalog';

/** Builds a DomainError with the catalog's Chinese message unless a more specific one is given. */
export function fail(code: ErrorCode, details?: unknown, message?: string): DomainError {
  return new DomainError(code, message ?? errorCatalog[code].message, details);
}
