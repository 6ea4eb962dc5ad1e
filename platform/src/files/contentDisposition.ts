/**
 * `attachment` with the name twice: an ASCII stand-in for old clients, and the real (Chinese) name
 * as RFC 5987 `filename*`, which every current browser prefers. Quotes, backslashes and anything
 * outside printable ASCII never reach the quoted form.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
