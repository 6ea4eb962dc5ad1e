import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { requireRuntime } from '../situations/installConditions';

/** The module the platform compiles per matter version (`GET …/versions/{n}/form.js`). */
export interface FormModule {
  version: number;
  validators: (require: (id: string) => unknown) => ValidatorFunctions;
}

/** Loads a version's precompiled form validators: a same-origin module, allowed by `script-src 'self'`. */
export async function loadFormModule(url: string): Promise<FormModule> {
  return (await import(/* @vite-ignore */ url)) as FormModule;
}

/**
 * rjsf's validator for one version's form, from the platform's precompiled functions (the page's
 * CSP forbids compiling): the same Ajv runtime helpers as the conditions, messages in Chinese.
 * `schema` must be the very schema the platform compiled, since rjsf finds its function by hash.
 */
export function createFormValidator(module: FormModule, schema: RJSFSchema, version: number): ValidatorType {
  if (module.version !== version) throw new Error(`表单校验模块的版本（${module.version}）与事项版本（${version}）不一致`);
  return createPrecompiledValidator(module.validators(requireRuntime), schema, localizeZh);
}
