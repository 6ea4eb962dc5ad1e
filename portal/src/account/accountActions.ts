import { sendJson } from '../api/sendJson';
import { signedIn, signedOut, type SessionUser } from '../session/sessionStore';

interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

export interface Registration {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

/** Citizens log in with their 身份证号, staff with their user name: the platform tells them apart. */
export async function logIn(username: string, password: string): Promise<SessionUser> {
  const answer = await sendJson<SessionAnswer>('POST', '/api/session', { username, password });
  signedIn(answer.user, answer.csrfToken);
  return answer.user;
}

/** Registering also logs in (201 with the session). */
export async function register(registration: Registration): Promise<SessionUser> {
  const answer = await sendJson<SessionAnswer>('POST', '/api/citizens', registration);
  signedIn(answer.user, answer.csrfToken);
  return answer.user;
}

export async function logOut(): Promise<void> {
  await sendJson<void>('DELETE', '/api/session');
  signedOut();
}
