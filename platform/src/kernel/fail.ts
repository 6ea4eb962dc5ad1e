import { DomainError } from './DomainError';
import { errorMessages, type ErrorCode } from './errorCodes';

/** Builds a DomainError with the catalogue's Chinese message unless a more specific one is given. */
export function fail(code: ErrorCode, details?: unknown, message?: string): DomainError {
  return new DomainError(code, message ?? errorMessages[code], details);
}
