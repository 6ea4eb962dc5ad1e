export { departmentSchema, type Department } from './Department';
export { listDepartments, knownDepartmentCodes, upsertDepartments } from './departmentStore';
export { readSeedDepartments, seedDepartments } from './seedDepartments';
export { isValidUscc, usccCheckChar, makeUscc } from './uscc';
export { departmentsRoutes } from './departmentsRoutes';
