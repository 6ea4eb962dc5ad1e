/**
 * Outbound HTTP for a guest, done by the worker with node's fetch: only origins a sysadmin granted
 * to this plugin, only http and https, its own timeout, a capped response, and redirects followed
 * only while they stay on a granted origin (a redirect is how an allowed host would otherwise
 * bounce the request to one that is not).
 */
export const HTTP_RESPONSE_CAP_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** Thrown into the guest as is: the message is what the guest (and the call's failure) sees. */
export class CapabilityDenied extends Error {
  constructor(what: string) {
    super(`CAPABILITY_DENIED: ${what}`);
    this.name = 'Error';
  }
}

function originOf(raw: string): string | null {
  try {
    return new URL(raw).origin;
  } catch {
    return null;
  }
}

/** The URL if the plugin may reach it; otherwise CapabilityDenied naming the origin. */
export function grantedUrl(raw: string, grantedOrigins: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`not an absolute URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CapabilityDenied(url.protocol);
  if (!grantedOrigins.some((granted) => originOf(granted) === url.origin)) throw new CapabilityDenied(url.origin);
  return url;
}

async function readCapped(response: Response, capBytes: number, abort: AbortController): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > capBytes) {
      const tooLarge = new Error(`HTTP_RESPONSE_TOO_LARGE: the answer is over ${capBytes} bytes`);
      abort.abort(tooLarge);
      throw tooLarge;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function brokeredFetch(
  method: 'GET' | 'POST',
  start: URL,
  bodyJson: string,
  grantedOrigins: readonly string[],
  timeoutMs: number,
  capBytes = HTTP_RESPONSE_CAP_BYTES,
): Promise<HttpAnswer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`HTTP_TIMEOUT: no answer within ${timeoutMs} ms`)), timeoutMs);
  try {
    let url = start;
    let currentMethod = method;
    for (let hop = 0; ; hop += 1) {
      const response = await fetch(url, {
        method: currentMethod,
        headers:
          currentMethod === 'POST'
            ? { 'content-type': 'application/json', accept: 'application/json' }
            : { accept: 'application/json' },
        body: currentMethod === 'POST' ? bodyJson : undefined,
        redirect: 'manual',
        signal: abort.signal,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new Error(`HTTP_TOO_MANY_REDIRECTS: more than ${MAX_REDIRECTS}`);
        url = grantedUrl(new URL(location, url).href, grantedOrigins);
        if (response.status !== 307 && response.status !== 308) currentMethod = 'GET';
        continue;
      }
      const text = await readCapped(response, capBytes, abort);
      let body: unknown = text;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        // Not JSON: the guest gets the text and decides.
      }
      return { status: response.status, body };
    }
  } catch (error) {
    if (abort.signal.aborted && abort.signal.reason instanceof Error) throw abort.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
