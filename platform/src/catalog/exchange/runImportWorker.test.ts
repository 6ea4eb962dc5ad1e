import { afterAll, describe, expect, it } from 'vitest';
import { runImportWorker } from './runImportWorker';

const legal = {
  kind: 'user' as const,
  userId: 1,
  username: 'legal',
  displayName: '法制',
  role: 'legal' as const,
  departmentCode: null,
};

describe('runImportWorker', { timeout: 120_000 }, () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  afterAll(() => {
    process.off('warning', onWarning);
  });

  it('reuses its worker for import after import without piling up listeners on it', async () => {
    const bytes = new TextEncoder().encode('[]');
    for (let i = 0; i < 12; i += 1) {
      const parsed = await runImportWorker({ bytes, kind: 'json', actor: legal, departments: [] });
      expect(parsed.documents).toEqual([]);
    }
    // Emitted on the next turn after the eleventh listener.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((warning) => warning.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  });
});
