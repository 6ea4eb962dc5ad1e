export { ROLES, DEPARTMENT_SCOPED_ROLES, ANONYMOUS, SYSTEM_ACTOR, isStaff, type Actor, type Role } from './Actor';
export { hashPassword, verifyPassword } from './hashPassword';
export {
  requireUser,
  requireRole,
  assertDepartmentScope,
  canSeeAllDepartments,
  isDepartmentScoped,
  type UserActor,
} from './policies';
export { createUser, USERNAME_PATTERN, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, type NewUser } from './createUser';
export type { UserView } from './userStore';
export { login, type LoginResult } from './login';
export { logout } from './logout';
export { findSession, resolveSession, type Session } from './resolveSession';
export { LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_USERNAME, MAX_FAILURES_PER_IP } from './loginRateLimit';
export { sessionMiddleware, actorOf, sessionOf, SESSION_COOKIE, CSRF_HEADER } from './sessionMiddleware';
export { sessionRouter, loginBodySchema } from './sessionRouter';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './seedDemoAccounts';
