export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

import type { ResponseContract } from './openApiContract';

/**
 * fetch with a cookie jar and the CSRF header a browser client would send. Given the server's
 * response contract, every answer is checked against the OpenAPI document before the test sees it.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly contract?: ResponseContract,
  ) {}

  async login(username: string, password: string): Promise<TestResponse> {
    const response = await this.request('POST', '/api/session', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${response.text}`);
    this.csrfToken = response.body.csrfToken;
    return response;
  }

  /** The Cookie header this client sends (for raw fetches, e.g. in benchmarks). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Sends `body` as JSON, or as-is when it is already a string or bytes (with `contentType`). */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    { contentType, headers = {} }: { contentType?: string; headers?: Record<string, string> } = {},
  ): Promise<TestResponse<T>> {
    const allHeaders: Record<string, string> = { ...headers };
    let payload: RequestInit['body'];
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Uint8Array) {
        payload = body as RequestInit['body'];
        allHeaders['content-type'] = contentType ?? 'application/json';
      } else {
        payload = JSON.stringify(body);
        allHeaders['content-type'] = contentType ?? 'application/json';
      }
    }
    if (this.cookies.size > 0) allHeaders.cookie = this.cookieHeader();
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in allHeaders)) allHeaders['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.baseUrl + path, { method, headers: allHeaders, body: payload });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    this.check(method, response, parsed);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  private check(method: string, response: Response, body: unknown): void {
    const violation = this.contract?.({
      method,
      url: response.url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body,
    });
    if (violation) {
      throw new Error(
        `response disagrees with the OpenAPI document: ${violation.method} ${violation.path} → ${violation.status}: ${violation.problem}`,
      );
    }
  }

  /** Raw bytes of a response (exports). */
  async download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const response = await fetch(this.baseUrl + path, { headers });
    const bytes = Buffer.from(await response.arrayBuffer());
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    this.check('GET', response, isJson ? JSON.parse(bytes.toString('utf8')) : bytes);
    return { status: response.status, headers: response.headers, bytes };
  }
}
