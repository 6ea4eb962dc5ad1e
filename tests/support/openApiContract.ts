import type { ValidateFunction } from 'ajv';
import { createAjv, escapePointer } from '@matterflow/schemas';

export interface ContractViolation {
  method: string;
  path: string;
  status: number;
  problem: string;
}

/** Checks a real response against the OpenAPI document: a documented status, media type and body schema. */
export type ResponseContract = (response: {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: unknown;
}) => ContractViolation | undefined;

interface Operation {
  responses?: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}

const cache = new Map<string, ResponseContract>();

/**
 * Every response a test client receives is held to the document, so the document cannot drift from
 * what the server does: an undocumented status, a media type it does not declare, or a body that
 * does not match its schema fails the test that caused it.
 */
export function responseContract(openApi: Record<string, unknown>): ResponseContract {
  const key = JSON.stringify(openApi);
  const cached = cache.get(key);
  if (cached) return cached;
  const ajv = createAjv({ strict: false, allErrors: true });
  ajv.addSchema(openApi, 'openapi.json', undefined, false);
  const paths = (openApi.paths ?? {}) as Record<string, Record<string, Operation>>;
  const templates = Object.keys(paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  }));
  const validators = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string): ValidateFunction => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`openapi.json#${pointer}`);
      if (!validate) throw new Error(`OpenAPI document has no schema at ${pointer}`);
      validators.set(pointer, validate);
    }
    return validate;
  };
  const errorPointer = '/components/schemas/Error';

  const contract: ResponseContract = ({ method, url, status, contentType, body }) => {
    const path = new URL(url).pathname;
    const violation = (problem: string): ContractViolation => ({ method, path, status, problem });
    const mediaType = contentType.split(';')[0]?.trim() ?? '';
    const found = templates.find((t) => t.pattern.test(path));
    const operation = found ? paths[found.template]?.[method.toLowerCase()] : undefined;
    if (!found || !operation) {
      // Unknown endpoints and methods answer the shared error body.
      if (status < 400) return violation('a success from an endpoint the document does not have');
      const validate = validatorAt(errorPointer);
      return validate(body) ? undefined : violation(`error body: ${ajv.errorsText(validate.errors)}`);
    }
    const response = operation.responses?.[String(status)];
    if (!response)
      return violation(`status ${status} is not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`);
    if (status === 204 || status === 304) return undefined;
    const base = `/paths/${escapePointer(found.template)}/${method.toLowerCase()}/responses/${status}`;
    if (response.$ref) {
      const validate = validatorAt(errorPointer);
      return validate(body) ? undefined : violation(`error body: ${ajv.errorsText(validate.errors)}`);
    }
    const content = response.content ?? {};
    if (!(mediaType in content))
      return violation(`media type ${mediaType || '(none)'} is not documented (documented: ${Object.keys(content).join(', ')})`);
    if (mediaType !== 'application/json') return undefined;
    const validate = validatorAt(`${base}/content/${escapePointer(mediaType)}/schema`);
    return validate(body) ? undefined : violation(ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 2000));
  };
  cache.set(key, contract);
  return contract;
}
