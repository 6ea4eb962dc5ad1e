import type { Paths } from '../../openapi/openApiTypes';

// Filled in with the import/export/quality endpoints.
export const exchangeApi: Paths = {};
