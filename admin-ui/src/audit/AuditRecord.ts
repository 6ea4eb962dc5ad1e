/** One entry of GET /api/audit. */
export interface AuditRecord {
  id: number;
  at: string;
  username: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
}

export interface AuditPageAnswer {
  items: AuditRecord[];
  /** Entries matching the filters, without the `before` cursor. */
  total: number;
  page: number;
  pageSize: number;
}
