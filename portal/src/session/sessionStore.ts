import { useSyncExternalStore } from 'react';
import { getJson } from '../api/getJson';

/** The signed-in user as `GET /api/session` describes them. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  departmentCode: string | null;
  departmentName: string | null;
}

export type SessionState =
  { status: 'unknown' } | { status: 'signedOut' } | { status: 'signedIn'; user: SessionUser; csrfToken: string };

let state: SessionState = { status: 'unknown' };
let loading: Promise<SessionState> | undefined;
const listeners = new Set<() => void>();

function set(next: SessionState): SessionState {
  state = next;
  for (const listener of listeners) listener();
  return next;
}

/** Asks the platform once who is signed in (the cookie is httpOnly: only the platform can say). */
export function loadSession({ isFresh = false }: { isFresh?: boolean } = {}): Promise<SessionState> {
  if (!loading || isFresh) {
    loading = getJson<{ user: SessionUser | null; csrfToken?: string }>('/api/session').then(
      ({ user, csrfToken }) => set(user && csrfToken ? { status: 'signedIn', user, csrfToken } : { status: 'signedOut' }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
  }
  return loading;
}

/** After a login or registration answered `{user, csrfToken}`. */
export function signedIn(user: SessionUser, csrfToken: string): void {
  loading = Promise.resolve(set({ status: 'signedIn', user, csrfToken }));
}

export function signedOut(): void {
  loading = Promise.resolve(set({ status: 'signedOut' }));
}

/** The CSRF token every write carries (X-CSRF-Token), once the session is known. */
export async function csrfToken(): Promise<string | undefined> {
  const current = await loadSession();
  return current.status === 'signedIn' ? current.csrfToken : undefined;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The session, re-rendering when it changes; starts loading it on first use. */
export function useSession(): SessionState {
  const current = useSyncExternalStore(subscribe, () => state);
  if (current.status === 'unknown') void loadSession().catch(() => undefined);
  return current;
}

/** Staff roles may preview a draft version of a matter. */
export const isStaff = (user: SessionUser) => user.role !== 'citizen';
