import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionEnded, setCsrfToken } from '../api/api';
import type { SessionState, StaffUser } from './StaffUser';

interface SessionAnswer {
  user: StaffUser | null;
  csrfToken?: string;
}

interface SessionApi {
  session: SessionState;
  login: (username: string, password: string) => Promise<StaffUser>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/**
 * Who is signed in, asked once of the platform (the cookie is httpOnly). Any answer that says the
 * session is gone — it expired, or an administrator ended it — signs the app out with `hasExpired`,
 * so the login page can say why instead of screens failing one by one.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const accept = useCallback((answer: SessionAnswer): StaffUser | null => {
    setCsrfToken(answer.user ? (answer.csrfToken ?? null) : null);
    setSession(answer.user ? { status: 'signedIn', user: answer.user } : { status: 'signedOut', hasExpired: false });
    return answer.user;
  }, []);
  useEffect(() => {
    onSessionEnded(() => {
      setCsrfToken(null);
      setSession({ status: 'signedOut', hasExpired: true });
    });
    api.get<SessionAnswer>('/api/session').then(accept, () => setSession({ status: 'signedOut', hasExpired: false }));
  }, [accept]);
  const value = useMemo<SessionApi>(
    () => ({
      session,
      async login(username, password) {
        const user = accept(await api.post<SessionAnswer>('/api/session', { username, password }));
        if (!user) throw new Error('登录未成功');
        return user;
      },
      async logout() {
        await api.delete('/api/session').catch(() => undefined);
        accept({ user: null });
      },
    }),
    [session, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession 须在 SessionProvider 之内使用');
  return value;
}

/** The signed-in user; only for screens behind `RequireSession`. */
export function useStaffUser(): StaffUser {
  const { session } = useSession();
  if (session.status !== 'signedIn') throw new Error('未登录');
  return session.user;
}
