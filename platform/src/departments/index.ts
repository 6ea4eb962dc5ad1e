export { departmentSchema, type Department, type DepartmentSeed } from './Department';
export { listDepartments, findDepartment, knownDepartmentCodes, upsertDepartments } from './departmentStore';
export { readSeedDepartments, seedDepartments } from './seedDepartments';
export { isValidUscc, usccCheckChar, makeUscc } from './uscc';
export { createDepartment } from './createDepartment';
export { updateDepartment } from './updateDepartment';
export { departmentsRoutes } from './departmentsRoutes';
