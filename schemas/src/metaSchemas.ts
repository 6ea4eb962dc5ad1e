import type { ValidateFunction } from 'ajv';
import flowSchema from '../flow.schema.json' with { type: 'json' };
import lawSchema from '../law.schema.json' with { type: 'json' };
import matterSchema from '../matter.schema.json' with { type: 'json' };
import pluginSchema from '../plugin.schema.json' with { type: 'json' };
import { createAjv } from './createAjv';
import { registerSchemaTitles } from './fieldIssues';

/** The meta-schema version new documents are written against. */
export const CURRENT_META_SCHEMA_VERSION = 2;

/** The meta-schemas as data (for the exchange formats, the OpenAPI document and the editors). */
export const matterMetaSchema: Readonly<Record<string, unknown>> = matterSchema;
export const flowMetaSchema: Readonly<Record<string, unknown>> = flowSchema;
export const lawMetaSchema: Readonly<Record<string, unknown>> = lawSchema;
export const pluginMetaSchema: Readonly<Record<string, unknown>> = pluginSchema;

export interface MetaSchemas {
  matter: ValidateFunction;
  flow: ValidateFunction;
  /** One entry of the law register (法规库). */
  law: ValidateFunction;
  /** A department plugin's manifest (plugin.json). */
  plugin: ValidateFunction;
}

let compiled: MetaSchemas | undefined;

/** Compiles the meta-schemas once per process (or page); a broken meta-schema throws at start-up. */
export function metaSchemas(): MetaSchemas {
  if (compiled) return compiled;
  const ajv = createAjv();
  const flowCopy = structuredClone(flowSchema);
  const matterCopy = structuredClone(matterSchema);
  const lawCopy = structuredClone(lawSchema);
  const pluginCopy = structuredClone(pluginSchema);
  registerSchemaTitles(flowCopy);
  registerSchemaTitles(matterCopy);
  registerSchemaTitles(lawCopy);
  registerSchemaTitles(pluginCopy);
  ajv.addSchema(flowCopy);
  const matter = ajv.compile(matterCopy);
  const law = ajv.compile(lawCopy);
  const plugin = ajv.compile(pluginCopy);
  const flow = ajv.getSchema(flowSchema.$id);
  if (!flow) throw new Error('flow.schema.json did not compile');
  compiled = { matter, flow, law, plugin };
  return compiled;
}
