import { isDomainError } from './DomainError';

/**
 * A unique index refused the row (PostgreSQL 23505): two writers claimed the same key at once, and
 * the index, not an earlier read, decided who won. Callers turn it into their stable error.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505' && !isDomainError(error);
}
