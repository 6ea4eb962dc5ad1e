import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDocumentTypes } from './renderDocumentTypes';

describe('generated document types', () => {
  it('match the meta-schemas (run `npm run gen:types` after changing a schema)', async () => {
    const committed = readFileSync(new URL('../../../schemas/src/generated/MatterDocument.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderDocumentTypes());
  });
});
