/**
 * Where to go after logging in or registering: the `next` query parameter when it is a path on
 * this site, else the home page. A full URL or `//host` would send a fresh session to another
 * site's page (an open redirect), so only a single leading slash is accepted.
 */
export function nextPath(query: URLSearchParams, fallback = '/'): string {
  const next = query.get('next') ?? '';
  return /^\/(?![/\\])/.test(next) ? next : fallback;
}

/** `/login?next=…` for the page the citizen is on, so they come back to it. */
export function withNext(page: '/login' | '/register', next: string): string {
  return next === '/' || next === '' ? page : `${page}?${new URLSearchParams({ next })}`;
}
