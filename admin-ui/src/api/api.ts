import { ApiError, apiErrorOf, networkError, requestJson, type WriteMethod } from '@matterflow/schemas';

export { ApiError } from '@matterflow/schemas';

type Listener = (error: ApiError) => void;
let csrfToken: string | null = null;
let onSessionLost: Listener = () => undefined;

/** Set once at sign-in: every write carries it, so no screen handles CSRF itself. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an answer says the session is gone (expired, ended by an administrator). */
export function onSessionEnded(listener: Listener): void {
  onSessionLost = listener;
}

const SESSION_ENDED = new ApiError(401, 'AUTH_REQUIRED', '登录已过期，请重新登录');

async function call<T>(method: 'GET' | WriteMethod, path: string, body?: unknown, headers?: Record<string, string>) {
  // The platform says so on any answer, public reads included, when the cookie sent is no longer a session.
  const onResponse = (response: Response) => {
    if (response.headers.get('Session-Ended') && csrfToken) onSessionLost(SESSION_ENDED);
  };
  try {
    return await requestJson<T>(method, path, body, { csrfToken, onResponse, ...(headers ? { headers } : {}) });
  } catch (error) {
    // A 401 after sign-in means the session ended; login itself answers 401 for a wrong password.
    if (error instanceof ApiError && error.code === 'AUTH_REQUIRED' && csrfToken) onSessionLost(error);
    throw error;
  }
}

/**
 * Sends a file as the raw body (the import takes bytes, not multipart) with upload progress, which
 * fetch cannot report. Same rules as every other call: CSRF, the platform's error shape, session loss.
 */
function upload<T>(path: string, file: Blob, contentType: string, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', contentType);
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(networkError());
    request.onload = () => {
      if (request.getResponseHeader('Session-Ended') && csrfToken) onSessionLost(SESSION_ENDED);
      const response = new Response(request.responseText, {
        status: request.status,
        headers: { 'Content-Type': 'application/json' },
      });
      if (request.status >= 200 && request.status < 300) resolve(response.json() as Promise<T>);
      else
        void apiErrorOf(response).then((error) => {
          if (error.code === 'AUTH_REQUIRED' && csrfToken) onSessionLost(error);
          reject(error);
        });
    };
    request.send(file);
  });
}

/** The staff app's one door to the platform: JSON, same origin, CSRF and session expiry handled here. */
export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
  put: <T>(path: string, body?: unknown) => call<T>('PUT', path, body),
  delete: <T>(path: string) => call<T>('DELETE', path),
  upload,
};

/** A query string from the filters that are set. */
export function queryOf(values: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}
