export { hashPassword, verifyPassword } from './hashPassword';
export { createUser, USERNAME_PATTERN, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, type NewUser } from './createUser';
export type { UserView } from './userStore';
export type { SessionSettings } from './SessionSettings';
export { login, type LoginResult } from './login';
export { logout } from './logout';
export { findSession, type Session } from './resolveSession';
export {
  LOGIN_WINDOW_MINUTES,
  MAX_FAILURES_PER_USER_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_USERNAME,
  KNOWN_ADDRESS_DAYS,
} from './reserveLoginAttempt';
export { identityRoutes, loginBodySchema } from './identityRoutes';
export { userViewSchema, sessionSchema } from './sessionSchema';
export { registerCitizen, MIN_CITIZEN_PASSWORD_LENGTH, type NewCitizen } from './registerCitizen';
export { findCitizen, findCitizenByIdNumber, type CitizenView } from './citizenStore';
export { citizenBodySchema } from './citizenRoutes';
export { REGISTRATION_WINDOW_MINUTES, MAX_REGISTRATIONS_PER_ADDRESS } from './reserveRegistrationAttempt';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_CITIZEN, DEMO_PASSWORD, type DemoAccount } from './seedDemoAccounts';
export { SESSION_COOKIE, CSRF_HEADER, tokensMatch } from './sessionTokens';
export { userRoutes } from './users/userRoutes';
export { listUsers, type UserPage } from './users/listUsers';
export { getUser } from './users/getUser';
export { createStaffUser } from './users/createStaffUser';
export { updateUser, type UserUpdate } from './users/updateUser';
export { setUserPassword } from './users/setUserPassword';
export type { StaffUser, StaffUserFilters } from './users/staffUserStore';
export { staffUserSchema } from './users/userSchemas';
