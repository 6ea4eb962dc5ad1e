import type { Db } from '../platform/src/kernel';
import type { MatterDocument } from '../platform/src/catalog';
import { buildSearchQuery, type MatterSearch } from '../platform/src/catalog';
import { ANONYMOUS, type Actor } from '../platform/src/kernel';
import { CURRENT_META_SCHEMA_VERSION } from '@matterflow/schemas';
import { median, percentile } from './stats';

/** Bulk-loads documents as published versions with one statement per table (setup, not measured). */
export async function loadPublished(db: Db, documents: MatterDocument[], today: string): Promise<void> {
  const payload = JSON.stringify(documents);
  await db.query(
    `INSERT INTO matters (code, department_code)
     SELECT d->>'code', d->'department'->>'code' FROM jsonb_array_elements($1::jsonb) d`,
    [payload],
  );
  await db.query(
    `INSERT INTO matter_versions (code, version, status, meta_schema_version, document, name, catalog_code, task_type,
       department_code, levels, service_objects, effective_from, published_at)
     SELECT d->>'code', 1, 'published', $3, d, d->>'name', d->>'catalogCode', d->>'type', d->'department'->>'code',
       ARRAY(SELECT jsonb_array_elements_text(COALESCE(d->'levels', '[]'))),
       ARRAY(SELECT jsonb_array_elements_text(COALESCE(d->'serviceObjects', '[]'))), $2::date, now()
     FROM jsonb_array_elements($1::jsonb) d`,
    [payload, today, CURRENT_META_SCHEMA_VERSION],
  );
}

export interface SearchCase {
  label: string;
  actor: Actor;
  search: MatterSearch;
  query: string;
}

export function searchCases(departmentCode: string, legal: Actor): SearchCase[] {
  const page = (p: Partial<MatterSearch>): MatterSearch => ({ page: 1, pageSize: 20, ...p });
  return [
    { label: '公众: 名称含“许可”', actor: ANONYMOUS, search: page({ q: '许可' }), query: `q=${encodeURIComponent('许可')}` },
    {
      label: '公众: 部门 + 类型',
      actor: ANONYMOUS,
      search: page({ department: departmentCode, type: '01' }),
      query: `department=${departmentCode}&type=01`,
    },
    {
      label: '法制: 名称含“登记”, 第 3 页',
      actor: legal,
      search: page({ q: '登记', page: 3 }),
      query: `q=${encodeURIComponent('登记')}&page=3`,
    },
    {
      label: '法制: 状态 published + 服务对象 企业法人',
      actor: legal,
      search: page({ status: 'published', object: '2' }),
      query: 'status=published&object=2',
    },
  ];
}

export interface Distribution {
  p50: number;
  p95: number;
}

export function summarise(samples: number[]): Distribution {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Medians over runs of each run's p50 and p95. */
export function medianOfRuns(runs: Distribution[]): Distribution {
  return { p50: median(runs.map((r) => r.p50)), p95: median(runs.map((r) => r.p95)) };
}

export async function rawSearchSample(db: Db, c: SearchCase, today: string): Promise<number> {
  const { sql, params } = buildSearchQuery({ actor: c.actor, search: c.search, today });
  const started = process.hrtime.bigint();
  await db.query(sql, params);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Server time of one request, from the Server-Timing header the app sets. */
export async function endpointSample(baseUrl: string, c: SearchCase, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${baseUrl}/api/matters?${c.query}`, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`search ${c.label}: HTTP ${response.status}`);
  const timing = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  if (!timing?.[1]) throw new Error('no Server-Timing header');
  return Number(timing[1]);
}
