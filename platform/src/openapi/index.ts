export { openApiDocument } from './openApiDocument';
export { openApiRouter } from './openApiRouter';
export type { Paths, PathItem, Operation } from './openApiTypes';
