/** The portal's pages. Paths are public: a citizen may bookmark or share any of them. */
export type PortalRoute =
  | { page: 'home' }
  | { page: 'search' }
  | { page: 'guide'; code: string }
  | { page: 'situations'; code: string }
  | { page: 'login' }
  | { page: 'register' }
  | { page: 'apply'; code: string }
  | { page: 'draft'; id: string }
  | { page: 'applications' }
  | { page: 'application'; number: string }
  | { page: 'receipt'; number: string }
  | { page: 'supplement'; number: string }
  | { page: 'decision'; number: string }
  | { page: 'notFound' };

const CODE = '([0-9A-Za-z]{1,40})';
const DRAFT_ID = '([0-9a-fA-F-]{36})';
const NUMBER = '([0-9A-Za-z]{1,60})';

export function matchRoute(path: string): PortalRoute {
  if (path === '/' || path === '') return { page: 'home' };
  if (path === '/search') return { page: 'search' };
  if (path === '/login') return { page: 'login' };
  if (path === '/register') return { page: 'register' };
  const guide = new RegExp(`^/matters/${CODE}/?$`).exec(path);
  if (guide?.[1]) return { page: 'guide', code: guide[1] };
  const situations = new RegExp(`^/matters/${CODE}/situations/?$`).exec(path);
  if (situations?.[1]) return { page: 'situations', code: situations[1] };
  const apply = new RegExp(`^/matters/${CODE}/apply/?$`).exec(path);
  if (apply?.[1]) return { page: 'apply', code: apply[1] };
  const draft = new RegExp(`^/drafts/${DRAFT_ID}/?$`).exec(path);
  if (draft?.[1]) return { page: 'draft', id: draft[1] };
  if (path === '/applications' || path === '/applications/') return { page: 'applications' };
  const application = new RegExp(`^/applications/${NUMBER}/?$`).exec(path);
  if (application?.[1]) return { page: 'application', number: application[1] };
  const receipt = new RegExp(`^/applications/${NUMBER}/receipt/?$`).exec(path);
  if (receipt?.[1]) return { page: 'receipt', number: receipt[1] };
  const supplement = new RegExp(`^/applications/${NUMBER}/supplement/?$`).exec(path);
  if (supplement?.[1]) return { page: 'supplement', number: supplement[1] };
  const decision = new RegExp(`^/applications/${NUMBER}/decision/?$`).exec(path);
  if (decision?.[1]) return { page: 'decision', number: decision[1] };
  return { page: 'notFound' };
}
