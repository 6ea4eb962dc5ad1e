import { useEffect } from 'react';
import { navigate } from '../routing/useLocation';
import { useSession, type SessionState } from '../session/sessionStore';

/** The session; a signed-out visitor is sent to /login, which brings them back here afterwards. */
export function useSignedIn(): SessionState {
  const session = useSession();
  // The page's own address, as rendered: an effect run again (StrictMode) after the move must not
  // send /login to /login.
  const here = window.location.pathname + window.location.search;
  useEffect(() => {
    if (session.status !== 'signedOut' || window.location.pathname + window.location.search !== here) return;
    navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
  }, [session.status, here]);
  return session;
}

/** A load that waits (never settles) until the session is known to be signed in. */
export const whenSignedIn = <T>(session: SessionState, load: () => Promise<T>): Promise<T> =>
  session.status === 'signedIn' ? load() : new Promise<never>(() => undefined);
