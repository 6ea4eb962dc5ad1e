import type { PluginPin } from '@matterflow/schemas';
import type { manifestOptions } from '../manifestParts';
import type { createVersionSchemaIssues } from './createVersionSchemaCheck';

export type FittedOptions = { options: Record<string, unknown> } | { problems: { pointer: string; message: string }[] };

/**
 * The manifest's defaults with the matter pin's own values over them, held to the version's options
 * schema: a matter version outlives the enabled version of its major, whose schema may differ.
 * Answers the options a call gets, or the problems with pointers under `prefix`.
 */
export function fitPinOptions(
  verdictOf: ReturnType<typeof createVersionSchemaIssues>,
  declared: ReturnType<typeof manifestOptions>,
  pin: PluginPin,
  version: string,
  prefix = '',
): FittedOptions {
  const own = pin.options ?? {};
  const { schema, defaults } = declared;
  if (!schema)
    return Object.keys(own).length > 0
      ? { problems: [{ pointer: prefix, message: '插件没有声明选项，事项不能为它设选项' }] }
      : { options: defaults };
  const merged = { ...defaults, ...own };
  const verdict = verdictOf(`${pin.id}@${version}#options`, schema, merged, prefix);
  if ('broken' in verdict) return { problems: [{ pointer: prefix, message: `插件的选项${verdict.broken}` }] };
  return verdict.issues.length > 0 ? { problems: verdict.issues } : { options: merged };
}
