export { createApp } from './createApp';
export { buildOpenApi, errorBodySchema } from './buildOpenApi';
export { errorStatus } from './errorStatus';
export { systemRoutes } from './systemRoutes';
export type { HttpSettings } from './HttpSettings';
