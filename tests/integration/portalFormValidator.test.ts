import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RJSFSchema } from '@rjsf/utils';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFormModule } from '../../platform/src/intake';
import { nameFieldErrors } from '../../portal/src/apply/fieldErrors';
import { createFormValidator, loadFormModule } from '../../portal/src/apply/formValidator';

/**
 * The platform's form.js and the portal's rjsf validator agree: the module the platform builds
 * for a version loads as the portal loads it (with the portal's Ajv runtime), validates without
 * compiling, and every message names its field by title. A 2020-12 form like the seed's.
 */
const schema: RJSFSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: '设立申请',
  required: ['enterpriseName', 'uscc', 'terminalCount'],
  properties: {
    enterpriseName: { type: 'string', title: '企业名称', minLength: 1, maxLength: 10 },
    uscc: { type: 'string', title: '统一社会信用代码', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
    terminalCount: { type: 'integer', title: '计算机（终端）台数', minimum: 1 },
    applyStage: { type: 'string', title: '申请阶段', enum: ['筹建', '最终审核'] },
  },
} as RJSFSchema;

const dir = mkdtempSync(join(tmpdir(), 'form-module-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function compiledModule(version: number) {
  const file = join(dir, `form-${version}.mjs`);
  writeFileSync(file, buildFormModule({ schema, version }));
  return loadFormModule(pathToFileURL(file).href);
}

describe('the precompiled form validator', () => {
  it('validates with the functions the platform compiled and names each field by its title', async () => {
    const validator = createFormValidator(await compiledModule(4), schema, 4);
    const { errors, errorSchema } = validator.validateFormData(
      { enterpriseName: '这是一个超过十个字的企业名称啊', uscc: 'abc', terminalCount: 0, applyStage: '其他' },
      schema,
      undefined,
      (list) => nameFieldErrors(list, schema),
    );
    const messages = errors.map((error) => error.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '“企业名称”不能超过 10 个字',
        '“统一社会信用代码”格式不正确',
        '“计算机（终端）台数”不能小于 1',
        '请从给出的选项中选择“申请阶段”',
      ]),
    );
    // Beside its field: rjsf's error schema puts each message under the property.
    expect(errorSchema.uscc?.__errors).toEqual(['“统一社会信用代码”格式不正确']);
    expect(messages.join()).not.toMatch(/uscc|terminalCount|\^\[/);
  });

  it('says which required field is missing, by title', async () => {
    const validator = createFormValidator(await compiledModule(5), schema, 5);
    const { errorSchema } = validator.validateFormData({}, schema, undefined, (list) => nameFieldErrors(list, schema));
    expect(errorSchema.enterpriseName?.__errors).toEqual(['请填写“企业名称”']);
    expect(errorSchema.terminalCount?.__errors).toEqual(['请填写“计算机（终端）台数”']);
  });

  it('accepts a valid form', async () => {
    const validator = createFormValidator(await compiledModule(6), schema, 6);
    const { errors } = validator.validateFormData(
      { enterpriseName: '云溪网咖', uscc: '91439901MA4L0XXX0X', terminalCount: 80 },
      schema,
    );
    expect(errors).toEqual([]);
  });

  it('refuses a module compiled for another version', async () => {
    const module = await compiledModule(7);
    expect(() => createFormValidator(module, schema, 8)).toThrow('不一致');
  });
});
