import type { FromSchema } from 'json-schema-to-ts';
import type { HookName, hookSchemas } from './hookSchemas';

type Schemas = typeof hookSchemas;

/** What hook H receives. */
export type HookInput<H extends HookName> = FromSchema<Schemas[H]['input']>;
/** What hook H must answer (the host checks it against the same schema). */
export type HookOutput<H extends HookName> = FromSchema<Schemas[H]['output']>;

/** Why a call ended without an answer. */
export type PluginFailureKind =
  | 'throw'
  | 'timeout'
  | 'memory'
  | 'stack'
  | 'output_invalid'
  | 'output_too_large'
  | 'input_too_large'
  | 'capability_denied'
  | 'quota'
  | 'not_enabled'
  | 'load';
