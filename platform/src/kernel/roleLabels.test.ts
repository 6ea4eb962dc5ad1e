import { roleLabel } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { ROLES } from './Actor';

describe('role names', () => {
  it('names every role of the kernel in Chinese', () => {
    for (const role of ROLES) expect(roleLabel(role)).toMatch(/[\u4e00-\u9fff]/);
  });
});
