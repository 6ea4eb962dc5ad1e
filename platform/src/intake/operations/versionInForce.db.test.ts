import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCurrentMatter } from '../../catalog';
import { openDb } from '../../infra';
import type { Actor, Db } from '../../kernel';
import { mutableClock } from '../../../../tests/support/mutableClock';
import { createTestDatabase } from '../../../../tests/support/testDatabase';
import { versionInForce } from './versionInForce';

/** 结婚登记 of the seed catalog: in force, and its document has a private note (staff only). */
const CODE = '11439901006010031J0007070010001';

const actor = (role: 'legal' | 'citizen'): Actor => ({
  kind: 'user',
  userId: 1,
  username: role,
  displayName: '测试',
  role,
  departmentCode: null,
});
const staff = { actor: actor('legal') };
const citizen = { actor: actor('citizen') };

describe('the version in force, with its document kept in memory', () => {
  let db: Db;
  let drop: () => Promise<void>;
  const statements: string[] = [];
  /** The real database, each statement noted: what a read sent is what it cost. */
  let counted: Db;
  const clock = mutableClock('2026-12-02T02:00:00Z');

  beforeAll(async () => {
    const database = await createTestDatabase({ template: 'catalog' });
    drop = database.drop;
    db = await openDb({ databaseUrl: database.databaseUrl });
    counted = {
      ...db,
      query: (sql, params) => {
        statements.push(sql);
        return db.query(sql, params);
      },
    };
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  const read = async (call: { actor: Actor }) => {
    statements.length = 0;
    const version = await versionInForce({ db: counted, clock }, call, CODE);
    return { version, statements: [...statements] };
  };

  it('reads the version row every time and the document once, per audience', async () => {
    const first = await read(staff);
    expect(first.version).toEqual(await getCurrentMatter({ db, clock }, staff, { code: CODE }));
    expect(first.version?.document.privateNote).toBeTruthy();
    const again = await read(staff);
    expect(again.statements).toHaveLength(1);
    expect(again.statements[0]).not.toContain('document');
    expect(again.version).toEqual(first.version);
    expect(again.version?.document).toBe(first.version?.document);
    // One object serves every later request: nobody may change it under them.
    expect(() => Object.assign(again.version?.document ?? {}, { name: '改' })).toThrow(TypeError);
    expect(() => again.version?.document.materials?.push(again.version.document.materials[0]!)).toThrow(TypeError);

    // Staff's copy is not the public's: a citizen reading after staff does not get the private note.
    const publicRead = await read(citizen);
    expect(publicRead.statements.some((sql) => sql.includes('document'))).toBe(true);
    expect(publicRead.version).toEqual(await getCurrentMatter({ db, clock }, citizen, { code: CODE }));
    expect(publicRead.version?.document).not.toHaveProperty('privateNote');
    expect((await read(citizen)).statements).toHaveLength(1);
  });

  it('answers with a newer version as soon as it is in force, and with none once the matter is retired', async () => {
    const kept = (await read(staff)).version;
    if (!kept) throw new Error('the seed matter is not in force');
    // A newer version taking effect, as publishing one does (same columns, another name in its document).
    await db.transaction(async (tx) => {
      await tx.query(
        'CREATE TEMP TABLE next_version ON COMMIT DROP AS SELECT * FROM matter_versions WHERE code = $1 AND version = $2',
        [CODE, kept.version],
      );
      await tx.query(
        `UPDATE next_version SET version = version + 1, name = '结婚登记（新版）',
           document = jsonb_set(document, '{name}', '"结婚登记（新版）"')`,
      );
      const { rows } = await tx.query<{ columns: string }>(
        `SELECT string_agg(quote_ident(column_name), ', ') AS columns FROM information_schema.columns
         WHERE table_name = 'matter_versions' AND is_generated = 'NEVER'`,
      );
      const columns = rows[0]?.columns ?? '';
      await tx.query(`INSERT INTO matter_versions (${columns}) SELECT ${columns} FROM next_version`);
    });
    const newer = (await read(staff)).version;
    expect(newer?.version).toBe(kept.version + 1);
    expect(newer?.document.name).toBe('结婚登记（新版）');
    expect(newer).toEqual(await getCurrentMatter({ db, clock }, staff, { code: CODE }));

    await db.query("UPDATE matter_versions SET status = 'retired', cancel_at = $3 WHERE code = $1 AND version = $2", [
      CODE,
      kept.version + 1,
      clock.today(),
    ]);
    expect((await read(staff)).version).toBeUndefined();
    expect((await read(citizen)).version).toBeUndefined();
  });
});
