/**
 * A failure the caller can act on. Errors are told apart by `code` (stable, documented in
 * docs/errors.md), never by `instanceof`, so that they survive module duplication and JSON.
 * Domain code knows nothing about HTTP: the status comes from `http/errorStatus.ts`.
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

export type { FieldIssue } from '@matterflow/schemas';

export function isDomainError(error: unknown): error is DomainError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { name?: unknown }).name === 'DomainError'
  );
}
