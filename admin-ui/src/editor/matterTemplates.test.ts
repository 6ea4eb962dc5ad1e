import { CURRENT_META_SCHEMA_VERSION } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { blankMatter, copiedMatter } from './matterTemplates';

const fields = { code: '11530000MB0000000X001', name: '新事项', department: { code: '11530000MB0000000X', name: '某局' } };

describe('matter templates', () => {
  it('give a blank skeleton of a type with what the meta-schema requires', () => {
    expect(blankMatter('01', fields)).toEqual({ metaSchemaVersion: CURRENT_META_SCHEMA_VERSION, ...fields, type: '01' });
  });

  it('copy a matter under the new code, name and department, without its national codes', () => {
    const template = {
      metaSchemaVersion: 1,
      code: 'OLD',
      catalogCode: 'C',
      handleItemCode: 'H',
      name: '旧事项',
      type: '02',
      department: { code: 'D', name: '旧局', nature: '1' },
      materials: [{ id: 'm1', name: '身份证' }],
    };
    const copy = copiedMatter(template, fields);
    expect(copy).toEqual({
      metaSchemaVersion: CURRENT_META_SCHEMA_VERSION,
      ...fields,
      type: '02',
      materials: [{ id: 'm1', name: '身份证' }],
    });
    (copy.materials as { name: string }[])[0]!.name = '改了';
    expect(template.materials[0]?.name).toBe('身份证');
  });
});
