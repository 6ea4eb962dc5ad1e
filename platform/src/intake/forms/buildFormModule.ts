import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/lib/compileSchemaValidatorsCode.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { BoundedCache } from '../../kernel';

// Compiling a 200-field form takes most of a second: a published version's module is made once.
const modules = new BoundedCache<string>(200);

/** The module of one version, cached under `key` (code:version, plus the revision for a draft). */
export function formModuleFor(key: string, input: { schema: object; version: number }): string {
  return modules.getOrCreate(key, () => buildFormModule(input));
}

/**
 * A matter version's form validator as an ES module, for rjsf's precompiled validator: the portal
 * runs under `script-src 'self'` and may not compile schemas itself (Ajv compiles with `new
 * Function`). Compiled with rjsf's own compiler and Ajv's 2020-12 dialect, the one the server
 * validates submissions with, so the browser and the server agree on every field.
 *
 * The module exports `version` and `validators(require)`: the generated code needs Ajv's runtime
 * helpers and ajv-formats, which the portal hands in from its own bundle, as for conditions.js.
 */
export function buildFormModule({ schema, version }: { schema: object; version: number }): string {
  const code = compileSchemaValidatorsCode(schema as never, {
    AjvClass: Ajv2020 as never,
    ajvOptionsOverrides: { code: { source: true, esm: false, lines: false } },
  });
  return [
    '// 预编译的申请表校验（由平台按版本生成，门户在严格 CSP 下加载）',
    `export const version = ${version};`,
    'export function validators(require) {',
    '  const module = { exports: {} };',
    '  const exports = module.exports;',
    `  ${code}`,
    '  return module.exports;',
    '}',
    '',
  ].join('\n');
}
