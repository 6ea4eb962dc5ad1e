import { ApiError } from '../api/getJson';

/** A UUID for an Idempotency-Key; `crypto.randomUUID` exists only on secure origins, random values everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** No answer, or the platform failed: the submission may have been stored, so a retry must carry the same key. */
const isUnsettled = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status >= 500);

/**
 * Submits with one Idempotency-Key per attempt: a retry after a network failure (or a 5xx) sends
 * the same key, so a submission the platform stored but could not answer is not made twice; any
 * definite answer (success, or a refusal the applicant must fix) ends the attempt.
 */
export function createSubmitter<T>(submit: (key: string) => Promise<T>, newKey: () => string = newIdempotencyKey) {
  let key: string | undefined;
  return async (): Promise<T> => {
    key ??= newKey();
    try {
      const answer = await submit(key);
      key = undefined;
      return answer;
    } catch (error) {
      if (!isUnsettled(error)) key = undefined;
      throw error;
    }
  };
}
