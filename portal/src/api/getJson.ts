import { requestJson } from '@matterflow/schemas';

export { ApiError, apiErrorOf, type ApiIssue } from '@matterflow/schemas';

/** GET a JSON answer from the platform (same origin); errors carry the platform's message. */
export const getJson = <T>(path: string, { signal }: { signal?: AbortSignal } = {}): Promise<T> =>
  requestJson<T>('GET', path, undefined, signal ? { signal } : {});
