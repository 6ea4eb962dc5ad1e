import { fail, inTransaction, requireRole, type Call, type Db } from '../kernel';

export interface AuditRecord {
  id: number;
  at: string;
  username: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
}

export interface AuditFilters {
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** The acting user's name. */
  username?: string | undefined;
  /** An action (`user.create`), or a prefix ending in a dot (`user.`) for a family of actions. */
  action?: string | undefined;
  /** First civil day (YYYY-MM-DD, Asia/Shanghai) included. */
  from?: string | undefined;
  /** Last civil day (YYYY-MM-DD, Asia/Shanghai) included. */
  to?: string | undefined;
  /** Only entries older than this id: a cursor that does not shift while new entries arrive. */
  before?: number | undefined;
}

export interface AuditQuery extends AuditFilters {
  /** Page size; `limit` is its older name. */
  limit?: number | undefined;
  pageSize?: number | undefined;
  /** 1-based. */
  page?: number | undefined;
}

export interface AuditPage {
  items: AuditRecord[];
  /** Entries matching the filters (without the `before` cursor), over all pages. */
  total: number;
  page: number;
  pageSize: number;
}

const DAY_MS = 86_400_000;

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a civil day is a fixed range. */
const startOfShanghaiDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

function whereOf(filters: AuditFilters, { isPaged }: { isPaged: boolean }): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (filters.targetType !== undefined) add('target_type = ?', filters.targetType);
  if (filters.targetId !== undefined) add('target_id = ?', filters.targetId);
  if (filters.username !== undefined) add('username = ?', filters.username);
  // `_` is a LIKE wildcard and appears in actions (user.password_set): escaped, it matches itself.
  if (filters.action?.endsWith('.')) add("action LIKE ? || '%'", filters.action.replace(/[\\%_]/g, '\\$&'));
  else if (filters.action !== undefined) add('action = ?', filters.action);
  if (filters.from !== undefined) add('at >= ?', startOfShanghaiDay(filters.from));
  if (filters.to !== undefined) add('at < ?', new Date(startOfShanghaiDay(filters.to).getTime() + DAY_MS));
  if (isPaged && filters.before !== undefined) add('id < ?', filters.before);
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The audit trail, newest first, a page at a time: for supervision, system administration and legal
 * review. `total` counts every matching entry, so a reader knows how many pages there are.
 */
export async function listAuditPage(deps: { db: Db }, call: Call, query: AuditQuery): Promise<AuditPage> {
  requireRole(call.actor, ['supervisor', 'sysadmin', 'legal']);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    throw fail('BAD_QUERY', [{ pointer: '/query/to', code: 'date.range_reversed', message: '结束日期不能早于开始日期' }]);
  const pageSize = query.pageSize ?? query.limit ?? 100;
  const page = query.page ?? 1;
  const counted = whereOf(query, { isPaged: false });
  const listed = whereOf(query, { isPaged: true });
  return inTransaction(deps.db, call, async (tx) => {
    const count = await tx.query<{ n: string | number }>(`SELECT count(*) AS n FROM audit_log ${counted.sql}`, counted.params);
    const result = await tx.query<{
      id: string | number;
      at: Date;
      username: string | null;
      action: string;
      target_type: string;
      target_id: string | null;
      details: unknown;
    }>(
      `SELECT id, at, username, action, target_type, target_id, details FROM audit_log ${listed.sql}
       ORDER BY id DESC LIMIT $${listed.params.length + 1} OFFSET $${listed.params.length + 2}`,
      [...listed.params, pageSize, (page - 1) * pageSize],
    );
    return {
      items: result.rows.map((row) => ({
        id: Number(row.id),
        at: new Date(row.at).toISOString(),
        username: row.username,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        details: row.details,
      })),
      total: Number(count.rows[0]?.n ?? 0),
      page,
      pageSize,
    };
  });
}

/** One page of entries without the count, for callers inside the platform. */
export async function listAudit(deps: { db: Db }, call: Call, query: AuditQuery): Promise<AuditRecord[]> {
  return (await listAuditPage(deps, call, query)).items;
}
