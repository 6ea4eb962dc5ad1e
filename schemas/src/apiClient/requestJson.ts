import { apiErrorOf, networkError } from './ApiError';

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** The session's CSRF token, sent on writes (the platform refuses a staff write without it). */
  csrfToken?: string | null;
  /** Sees every answer's headers before its body is read (e.g. the platform's `Session-Ended`). */
  onResponse?: (response: Response) => void;
}

/**
 * One request to the platform (same origin) answered in JSON; errors carry the platform's code,
 * Chinese message and field issues. Status 0 means the request never got an answer (the network),
 * so the caller may retry it. Both web apps call the API through this.
 */
export async function requestJson<T>(
  method: 'GET' | WriteMethod,
  path: string,
  body?: unknown,
  { headers = {}, signal, csrfToken, onResponse }: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw networkError();
  }
  onResponse?.(response);
  if (!response.ok) throw await apiErrorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
