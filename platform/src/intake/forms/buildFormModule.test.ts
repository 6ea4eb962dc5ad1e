import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import { buildFormModule } from './buildFormModule';

const require = createRequire(import.meta.url);
const matter = JSON.parse(
  readFileSync(
    new URL('../../../../schemas/catalog/matters/xfjy/gongzhong-juji-changsuo-xiaofang-jiancha.json', import.meta.url),
    'utf8',
  ),
) as { form: { schema: object } };

async function load(source: string): Promise<{ version: number; validators(require: NodeRequire): Record<string, unknown> }> {
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

describe('buildFormModule', () => {
  it('compiles a seed form into validators rjsf accepts, with no eval left to the browser', async () => {
    const source = buildFormModule({ schema: matter.form.schema, version: 3 });
    expect(source).not.toMatch(/new Function|eval\(/);
    const module = await load(source);
    expect(module.version).toBe(3);
    const validator = createPrecompiledValidator(module.validators(require) as never, matter.form.schema as never);
    const empty = validator.validateFormData({}, matter.form.schema as never);
    expect(empty.errors.map((error) => error.property)).toContain('placeName');
    const bad = validator.validateFormData({ phone: '123' }, matter.form.schema as never);
    expect(bad.errors.some((error) => error.name === 'pattern' && error.schemaPath === '#/properties/phone/pattern')).toBe(true);
  });
});
