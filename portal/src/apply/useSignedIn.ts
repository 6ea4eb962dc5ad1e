import { useEffect } from 'react';
import { navigate } from '../routing/useLocation';
import { useSession, type SessionState } from '../session/sessionStore';

/** The session; a signed-out visitor is sent to /login, which brings them back here afterwards. */
export function useSignedIn(): SessionState {
  const session = useSession();
  useEffect(() => {
    if (session.status !== 'signedOut') return;
    const here = window.location.pathname + window.location.search;
    navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
  }, [session.status]);
  return session;
}

/** A load that waits (never settles) until the session is known to be signed in. */
export const whenSignedIn = <T>(session: SessionState, load: () => Promise<T>): Promise<T> =>
  session.status === 'signedIn' ? load() : new Promise<never>(() => undefined);
