import { useState } from 'react';
import { Link } from '../routing/Link';
import { navigate, useLocation } from '../routing/useLocation';
import { loadSession, useSession } from '../session/sessionStore';
import { logOut } from './accountActions';
import { withNext } from './nextPath';

/** The header's account links: 登录 / 注册 for visitors; the name, 我的办件 and 退出 once signed in. */
export function AccountNav() {
  const session = useSession();
  const { path, query } = useLocation();
  const [isLeaving, setIsLeaving] = useState(false);
  // From the login or registration page itself, keep where that page was going to send the citizen.
  const here =
    path === '/login' || path === '/register' ? (query.get('next') ?? '/') : `${path}${query.size > 0 ? `?${query}` : ''}`;

  if (session.status === 'unknown') return <nav className="account-nav" aria-label="账户" />;
  if (session.status === 'signedOut') {
    return (
      <nav className="account-nav" aria-label="账户">
        <Link to={withNext('/login', here)} className="account-link" aria-current={path === '/login' ? 'page' : undefined}>
          登录
        </Link>
        <Link to={withNext('/register', here)} className="account-link" aria-current={path === '/register' ? 'page' : undefined}>
          注册
        </Link>
      </nav>
    );
  }
  const leave = async () => {
    setIsLeaving(true);
    try {
      await logOut();
      navigate('/');
    } catch {
      // The platform could not be reached or the session was already gone: ask it who is signed in.
      await loadSession({ isFresh: true }).catch(() => undefined);
    } finally {
      setIsLeaving(false);
    }
  };
  return (
    <nav className="account-nav" aria-label="账户">
      <span className="account-name">{session.user.displayName}</span>
      <Link to="/applications" className="account-link" aria-current={path === '/applications' ? 'page' : undefined}>
        我的办件
      </Link>
      <button type="button" className="account-link account-logout" onClick={leave} disabled={isLeaving}>
        退出
      </button>
    </nav>
  );
}
