import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isValidUscc, makeUscc, orgCodeCheckChar } from './uscc';
import { readSeedDepartments } from './seedDepartments';

describe('统一社会信用代码', () => {
  it('accepts a published real code and rejects it with a wrong check character', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });

  it('rejects letters outside the GB 32100 alphabet and wrong lengths', () => {
    expect(isValidUscc('91350100M000100I43')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });

  it('builds codes whose organisation part carries its GB 11714 check character', () => {
    const code = makeUscc({ prefix: '11', region: '439901', orgBody: '00601001' });
    expect(isValidUscc(code)).toBe(true);
    expect(code.slice(16, 17)).toBe(orgCodeCheckChar('00601001'));
  });

  it('holds for every seed department', () => {
    for (const department of readSeedDepartments(
      fileURLToPath(new URL('../../../schemas/catalog/departments.json', import.meta.url)),
    ))
      expect(isValidUscc(department.code), department.name).toBe(true);
  });
});
