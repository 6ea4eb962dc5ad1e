/**
 * A failure the caller can act on. Errors are told apart by `code` (stable, documented in
 * docs/errors.md), never by `instanceof`, so that they survive module duplication and JSON.
 * Domain code knows nothing about HTTP: the status comes from `errorStatus.ts`.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** One field-level problem, located by a JSON pointer into the request body or document. */
export interface FieldIssue {
  pointer: string;
  code: string;
  message: string;
}

export function isDomainError(error: unknown): error is DomainError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { name?: unknown }).name === 'DomainError'
  );
}
