/** The portal's pages. Paths are public: a citizen may bookmark or share any of them. */
export type PortalRoute =
  | { page: 'home' }
  | { page: 'search' }
  | { page: 'guide'; code: string }
  | { page: 'situations'; code: string }
  | { page: 'notFound' };

const CODE = '([0-9A-Za-z]{1,40})';

export function matchRoute(path: string): PortalRoute {
  if (path === '/' || path === '') return { page: 'home' };
  if (path === '/search') return { page: 'search' };
  const guide = new RegExp(`^/matters/${CODE}/?$`).exec(path);
  if (guide?.[1]) return { page: 'guide', code: guide[1] };
  const situations = new RegExp(`^/matters/${CODE}/situations/?$`).exec(path);
  if (situations?.[1]) return { page: 'situations', code: situations[1] };
  return { page: 'notFound' };
}
