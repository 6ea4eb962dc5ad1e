import type { Queryable } from '../../kernel';
import type { AcceptedRisk } from './QualityRule';

export interface StoredRisk extends AcceptedRisk {
  code: string;
  rule: string;
  pointer: string;
  message: string;
}

interface RiskRow {
  code: string;
  version: number;
  rule: string;
  pointer: string;
  reason: string;
  message: string;
  accepted_by: string;
  accepted_by_name: string;
  accepted_at: Date | string;
}

const riskOf = (row: RiskRow): StoredRisk => ({
  code: row.code,
  version: Number(row.version),
  rule: row.rule,
  pointer: row.pointer,
  reason: row.reason,
  message: row.message,
  by: row.accepted_by,
  byName: row.accepted_by_name,
  at: new Date(row.accepted_at).toISOString(),
});

/** The risks accepted for these matter versions (the quality report's, or one publish's). */
export async function listAcceptedRisks(
  q: Queryable,
  versions: readonly { code: string; version: number }[],
): Promise<StoredRisk[]> {
  if (versions.length === 0) return [];
  const result = await q.query<RiskRow>(
    `SELECT r.code, r.version, r.rule, r.pointer, r.reason, r.message, r.accepted_by, r.accepted_by_name, r.accepted_at
     FROM accepted_risks r
     JOIN unnest($1::text[], $2::int[]) AS wanted (code, version) ON wanted.code = r.code AND wanted.version = r.version
     ORDER BY r.code, r.version, r.rule, r.pointer`,
    [versions.map((v) => v.code), versions.map((v) => v.version)],
  );
  return result.rows.map(riskOf);
}

/** Records (or re-records, with the new reason) legal's acceptance of each finding. */
export async function saveAcceptedRisks(q: Queryable, risks: readonly StoredRisk[]): Promise<void> {
  for (const risk of risks) {
    await q.query(
      `INSERT INTO accepted_risks (code, version, rule, pointer, reason, message, accepted_by, accepted_by_name, accepted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (code, version, rule, pointer) DO UPDATE SET reason = EXCLUDED.reason, message = EXCLUDED.message,
         accepted_by = EXCLUDED.accepted_by, accepted_by_name = EXCLUDED.accepted_by_name, accepted_at = EXCLUDED.accepted_at`,
      [risk.code, risk.version, risk.rule, risk.pointer, risk.reason, risk.message, risk.by, risk.byName, risk.at],
    );
  }
}

export const riskKey = (risk: { code: string; version: number | null; rule: string; pointer: string }) =>
  `${risk.code}#${risk.version ?? ''}#${risk.rule}#${risk.pointer}`;
