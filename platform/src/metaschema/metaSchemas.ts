import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { createAjv } from './createAjv';

export const schemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));

/** The meta-schema version new documents are written against. */
export const CURRENT_META_SCHEMA_VERSION = 1;

function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${schemasDir}${file}`, 'utf8')) as Record<string, unknown>;
}

export interface MetaSchemas {
  matter: ValidateFunction;
  flow: ValidateFunction;
}

let compiled: MetaSchemas | undefined;

/** Compiles the meta-schemas once per process; a broken meta-schema throws at start-up. */
export function metaSchemas(): MetaSchemas {
  if (compiled) return compiled;
  const ajv = createAjv();
  const flowSchema = readSchema('flow.schema.json');
  ajv.addSchema(flowSchema);
  const matter = ajv.compile(readSchema('matter.schema.json'));
  const flow = ajv.getSchema(String(flowSchema.$id));
  if (!flow) throw new Error('flow.schema.json did not compile');
  compiled = { matter, flow };
  return compiled;
}
