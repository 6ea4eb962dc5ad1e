import { recordAudit } from '../../audit';
import { fail, inTransaction, readerOf, requireRole, type Call, type Clock, type Db, type FieldIssue } from '../../kernel';
import { findTable, upsertTable } from '../store/pluginStore';
import { byOf, PLUGIN_GRANTORS } from './pluginAccess';

export const MAX_TABLE_ROWS = 10_000;
export const MAX_TABLE_BYTES = 1024 * 1024;

export interface TableView {
  name: string;
  rows: Record<string, unknown>;
  rowCount: number;
  updatedAt: string;
  updatedBy: string;
}

const viewOf = (table: { name: string; rows: Record<string, unknown>; updatedAt: string; updatedBy: string }): TableView => ({
  ...table,
  rowCount: Object.keys(table.rows).length,
});

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

export async function getPluginTable(deps: { db: Db }, call: Call, { name }: { name: string }): Promise<TableView> {
  requireRole(call.actor, PLUGIN_GRANTORS);
  const table = await findTable(readerOf(deps.db, call), name);
  if (!table) throw fail('PLUGIN_TABLE_NOT_FOUND', { name });
  return viewOf(table);
}

/**
 * PUT /api/plugin-tables/{name} (sysadmin): replaces a read-only reference table (key → row object).
 * Plugins see the change at their next call (the host keys its cached rows by `updatedAt`).
 */
export async function putPluginTable(
  deps: { db: Db; clock: Clock },
  call: Call,
  { name, rows }: { name: string; rows: Record<string, unknown> },
): Promise<TableView> {
  requireRole(call.actor, PLUGIN_GRANTORS);
  const issues: FieldIssue[] = [];
  const keys = Object.keys(rows);
  if (keys.length > MAX_TABLE_ROWS)
    issues.push({ pointer: '/rows', code: 'plugin.table_too_many_rows', message: `参照表最多 ${MAX_TABLE_ROWS} 行` });
  if (Buffer.byteLength(JSON.stringify(rows), 'utf8') > MAX_TABLE_BYTES)
    issues.push({ pointer: '/rows', code: 'plugin.table_too_large', message: '参照表不能超过 1 MiB' });
  for (const key of keys) {
    const row = rows[key];
    if (key.length === 0 || key.length > 200)
      issues.push({ pointer: `/rows/${escape(key)}`, code: 'plugin.table_key_invalid', message: '键应为 1 至 200 个字符' });
    else if (typeof row !== 'object' || row === null || Array.isArray(row))
      issues.push({ pointer: `/rows/${escape(key)}`, code: 'plugin.table_row_invalid', message: '每一行应为一个 JSON 对象' });
    if (issues.length >= 100) break;
  }
  if (issues.length > 0) throw fail('PLUGIN_TABLE_INVALID', issues);
  const table = { name, rows, updatedAt: deps.clock.now().toISOString(), updatedBy: byOf(call.actor) };
  return inTransaction(deps.db, call, async (tx) => {
    const before = await findTable(tx, name);
    await upsertTable(tx, table);
    await recordAudit(
      deps,
      { ...call, tx },
      {
        action: 'plugin_table.put',
        targetType: 'plugin_table',
        targetId: name,
        details: { rowCount: keys.length, previousRowCount: before ? Object.keys(before.rows).length : null },
      },
    );
    return viewOf(table);
  });
}
