import { requestJson, type WriteMethod } from '@matterflow/schemas';
import { csrfToken } from '../session/sessionStore';

/** A write to the platform with the session's CSRF token (see `requestJson`). */
export async function sendJson<T>(
  method: WriteMethod,
  path: string,
  body?: unknown,
  { headers = {}, signal }: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<T> {
  return requestJson<T>(method, path, body, { headers, csrfToken: await csrfToken(), ...(signal ? { signal } : {}) });
}
