export { ApiError, apiErrorOf, networkError, type ApiIssue } from './ApiError';
export { requestJson, type RequestOptions, type WriteMethod } from './requestJson';
