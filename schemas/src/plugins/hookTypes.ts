import type { FromSchema } from 'json-schema-to-ts';
import type { HookName, hookSchemas } from './hookSchemas';

type Schemas = typeof hookSchemas;

/**
 * Each hook's types, derived once per hook. An interface with one concrete member per hook keeps the
 * checker from re-deriving FromSchema for every generic use (`HookOutcome<H>` in Promise.all made it
 * give up as "excessively deep").
 */
interface HookInputs {
  validate: FromSchema<Schemas['validate']['input']>;
  computeFees: FromSchema<Schemas['computeFees']['input']>;
  materials: FromSchema<Schemas['materials']['input']>;
  prefill: FromSchema<Schemas['prefill']['input']>;
  route: FromSchema<Schemas['route']['input']>;
  onEvent: FromSchema<Schemas['onEvent']['input']>;
}
interface HookOutputs {
  validate: FromSchema<Schemas['validate']['output']>;
  computeFees: FromSchema<Schemas['computeFees']['output']>;
  materials: FromSchema<Schemas['materials']['output']>;
  prefill: FromSchema<Schemas['prefill']['output']>;
  route: FromSchema<Schemas['route']['output']>;
  onEvent: FromSchema<Schemas['onEvent']['output']>;
}

/** What hook H receives. */
export type HookInput<H extends HookName> = HookInputs[H];
/** What hook H must answer (the host checks it against the same schema). */
export type HookOutput<H extends HookName> = HookOutputs[H];

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
  | 'options_invalid'
  | 'load';
