export { ROLES, DEPARTMENT_SCOPED_ROLES, ANONYMOUS, SYSTEM_ACTOR, isStaff, type Actor, type Role } from './Actor';
export {
  requireUser,
  requireRole,
  assertDepartmentScope,
  canSeeAllDepartments,
  isDepartmentScoped,
  type UserActor,
} from './access';
export { systemClock, fixedClock, shanghaiToday, type Clock } from './Clock';
export { DomainError, isDomainError, type FieldIssue } from './DomainError';
export { errorMessages, type ErrorCode } from './errorCodes';
export { fail } from './fail';
export { isUniqueViolation } from './isUniqueViolation';
export type { Db, Queryable, QueryResult } from './Db';
export { inTransaction, readerOf, userIdOf, type Call } from './Call';
export type { Deps } from './Deps';
export {
  defineRoute,
  type Route,
  type RouteSpec,
  type RouteInput,
  type Reply,
  type Access,
  type HeaderSpec,
  type ResponseSpec,
  type RequestSession,
  type ObjectSchema,
  type StreamBody,
} from './Route';
export { wholeBody } from './wholeBody';
export { BoundedCache } from './BoundedCache';
export { cacheHeaders, notModified, javascriptModuleResponses } from './cacheableResponses';
export type { PluginHooks, HookTarget, HookOutcome, PluginFailure } from './PluginHooks';
