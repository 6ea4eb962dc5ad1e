import { readerOf, type Actor, type Call, type Clock, type Db } from '../../kernel';
import type { MatterStatus } from '../MatterVersion';
import { unpublishedScope } from '../catalogAccess';
import { EFFECTIVE_STATUS_SQL } from '../store/versionColumns';

export interface MatterSearch {
  /** Search words: every term (`searchTerms`) must be in the name or the code. */
  q?: string;
  /** A life-event theme (`themes` of the document), e.g. 准营准办. */
  theme?: string;
  /** 个人 or 法人 themes: the matter is filed under that audience. */
  audience?: 'personal' | 'corporate';
  code?: string;
  department?: string;
  type?: string;
  level?: string;
  object?: string;
  status?: MatterStatus;
  /** Also count the matching matters per theme (the home page's chips). */
  hasThemeFacets?: boolean;
  page: number;
  pageSize: number;
}

/** How many matters of the current filter each theme holds, most first. */
export interface ThemeFacets {
  personal: { theme: string; count: number }[];
  corporate: { theme: string; count: number }[];
}

export interface MatterSummary {
  code: string;
  version: number;
  status: MatterStatus;
  name: string;
  type: string;
  departmentCode: string;
  departmentName: string;
  levels: string[];
  serviceObjects: string[];
  effectiveFrom: string | null;
  cancelAt: string | null;
  updatedAt: string;
  /** 办件类型: 1 即办件, 2 承诺件. */
  projectType: string | null;
  /** 到办事现场次数. */
  sceneVisits: number | null;
  themes: { personal?: string[]; corporate?: string[] };
  /** When the newest version was sent to review; null unless it waits there (legal's queue order). */
  submittedAt: string | null;
}

/**
 * The terms of a search: words split at spaces and punctuation, and a Chinese run of four or more
 * characters cut into two-character words (a trailing single character joins the last), since
 * citizens type 食品许可 for 食品经营许可 and Chinese has no spaces. Each term must match; an exact
 * substring still matches, as every piece of it is a substring too.
 */
export function searchTerms(q: string): string[] {
  const terms: string[] = [];
  for (const word of q.split(/[\s,，、;；.。!！?？:："'“”‘’()（）《》【】\[\]/\\|]+/u)) {
    if (word === '') continue;
    if (!/^\p{Script=Han}{4,}$/u.test(word)) {
      terms.push(word);
      continue;
    }
    const chars = [...word];
    for (let i = 0; i < chars.length; i += 2) {
      const isLastPair = chars.length - i === 3;
      terms.push(chars.slice(i, isLastPair ? i + 3 : i + 2).join(''));
      if (isLastPair) break;
    }
  }
  // Punctuation alone (a lone backslash, say) is searched as typed, never as "everything".
  if (terms.length === 0 && q.trim() !== '') return [q.trim()];
  return [...new Set(terms)].slice(0, 10);
}

/**
 * A Latin word may be pinyin: full (shipin) or initials (spjyxk). Initials are cut into pairs like
 * a Chinese run (spxk → sp, xk, as 食品许可 → 食品, 许可), so initials of the words a citizen
 * remembers find the whole name.
 */
export function pinyinPieces(term: string): string[] | undefined {
  if (!/^[a-z]+$/i.test(term)) return undefined;
  const word = term.toLowerCase();
  if (word.length < 4) return [word];
  const pieces: string[] = [];
  for (let i = 0; i < word.length; i += 2) {
    const isLastTriple = word.length - i === 3;
    pieces.push(word.slice(i, isLastTriple ? i + 3 : i + 2));
    if (isLastTriple) break;
  }
  return pieces;
}

/** LIKE patterns treat user input as text: %, _ and \ are escaped, never interpreted. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type MatterFilters = Omit<MatterSearch, 'page' | 'pageSize' | 'hasThemeFacets'>;

const SEARCH_COLUMNS = `v.code, v.version, v.name, v.task_type, v.department_code, v.levels, v.service_objects,
  v.effective_from, v.cancel_at, v.updated_at, v.project_type, v.scene_visits, v.themes, v.name_initials, v.name_pinyin, v.submitted_at`;

/**
 * Published and in force on day `$1`: taken effect, and neither its cancel date nor its successor's
 * day (`superseded_from`) has come. At most one version per code passes, so the public needs no
 * DISTINCT ON over every version, and a page walks the partial index on code and stops (ADR 014).
 */
const IN_FORCE_SQL = `v.status = 'published' AND v.effective_from <= $1::date
  AND (v.cancel_at IS NULL OR v.cancel_at > $1::date) AND (v.superseded_from IS NULL OR v.superseded_from > $1::date)`;

/**
 * A `latest` CTE: one row per matter, its newest version that the actor may see and that matches
 * the filters. `$1` is today. Shared by search, export and the quality report so that all three
 * agree on what a user sees.
 */
export function buildLatestVersions({ actor, filters, today }: { actor: Actor; filters: MatterFilters; today: string }) {
  const params: unknown[] = [today];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const scope = unpublishedScope(actor);
  // Anonymous and citizens see only what is in force today; staff also see their drafts.
  const where: string[] = [];
  if (scope !== '' && scope !== null) {
    where.push(`(state IN ('published', 'superseded', 'retired') OR department_code = ${add(scope)})`);
  }
  for (const term of filters.q ? searchTerms(filters.q) : []) {
    const pattern = add(`%${escapeLike(term)}%`);
    const pieces = pinyinPieces(term);
    const pinyin = pieces
      ? ` OR name_pinyin LIKE ${add(`%${term.toLowerCase()}%`)} OR (${pieces
          .map((piece) => `name_initials LIKE ${add(`%${piece}%`)}`)
          .join(' AND ')})`
      : '';
    where.push(`(name ILIKE ${pattern} ESCAPE '\\' OR code ILIKE ${pattern} ESCAPE '\\'${pinyin})`);
  }
  if (filters.theme) {
    const theme = add(filters.theme);
    where.push(
      filters.audience
        ? `themes -> ${add(filters.audience)} ? ${theme}`
        : `(themes -> 'personal' ? ${theme} OR themes -> 'corporate' ? ${theme})`,
    );
  } else if (filters.audience) where.push(`themes ? ${add(filters.audience)}`);
  if (filters.code) where.push(`code LIKE ${add(`${escapeLike(filters.code)}%`)} ESCAPE '\\'`);
  if (filters.department) where.push(`department_code = ${add(filters.department)}`);
  if (filters.type) where.push(`task_type = ${add(filters.type)}`);
  if (filters.level) where.push(`${add(filters.level)} = ANY(levels)`);
  if (filters.object) where.push(`${add(filters.object)} = ANY(service_objects)`);
  if (filters.status) where.push(`state = ${add(filters.status)}`);
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  if (scope === '') {
    // Not materialised: the count reads every match, the page only its rows in code order.
    const cte = `
    WITH latest AS NOT MATERIALIZED (
      SELECT * FROM (SELECT ${SEARCH_COLUMNS}, 'published'::text AS state FROM matter_versions v WHERE ${IN_FORCE_SQL}) versions
      ${filtered}
    )`;
    return { cte, params, add };
  }
  const cte = `
    WITH versions AS (
      SELECT ${SEARCH_COLUMNS}, (${EFFECTIVE_STATUS_SQL}) AS state
      FROM matter_versions v
    ), latest AS (
      SELECT DISTINCT ON (code) * FROM versions
      ${filtered}
      ORDER BY code, version DESC
    )`;
  return { cte, params, add };
}

/**
 * The SQL and parameters of a search page: total and items in one statement. Exposed so the
 * benchmark can time the raw query against the endpoint.
 */
export function buildSearchQuery({ actor, search, today }: { actor: Actor; search: MatterSearch; today: string }) {
  const { page, pageSize, hasThemeFacets = false, ...filters } = search;
  const { cte, params, add } = buildLatestVersions({ actor, filters, today });
  const limit = add(pageSize);
  const offset = add((page - 1) * pageSize);
  // Theme lists are arrays by the meta-schema; anything else counts as none rather than failing.
  const facets = hasThemeFacets
    ? `, (SELECT json_agg(f ORDER BY f.count DESC, f.theme) FROM (
        SELECT a.audience, t.theme, count(*)::int AS count
        FROM latest l CROSS JOIN (VALUES ('personal'), ('corporate')) a(audience)
        CROSS JOIN LATERAL jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(l.themes -> a.audience) = 'array' THEN l.themes -> a.audience ELSE '[]'::jsonb END) t(theme)
        GROUP BY a.audience, t.theme) f) AS facets`
    : '';
  const sql = `${cte}
    SELECT (SELECT count(*) FROM latest)::int AS total,
      COALESCE((SELECT json_agg(page ORDER BY page.code) FROM (
        SELECT l.code, l.version, l.state, l.name, l.task_type, l.department_code, l.levels, l.service_objects,
          l.effective_from, l.cancel_at, l.updated_at, l.project_type, l.scene_visits, l.themes, d.name AS department_name,
          CASE WHEN l.state = 'in_review' THEN l.submitted_at END AS submitted_at
        FROM latest l JOIN departments d ON d.code = l.department_code
        ORDER BY l.code LIMIT ${limit} OFFSET ${offset}
      ) page), '[]'::json) AS items${facets}`;
  return { sql, params };
}

interface SearchItemRow {
  code: string;
  version: number;
  state: MatterStatus;
  name: string;
  task_type: string;
  department_code: string;
  department_name: string;
  levels: string[];
  service_objects: string[];
  effective_from: string | null;
  cancel_at: string | null;
  updated_at: string;
  themes: MatterSummary['themes'];
  project_type: string | null;
  scene_visits: number | null;
  submitted_at: string | null;
}

interface FacetRow {
  audience: 'personal' | 'corporate';
  theme: string;
  count: number;
}

function themeFacetsOf(raw: FacetRow[] | string | null | undefined): ThemeFacets {
  const rows = typeof raw === 'string' ? (JSON.parse(raw) as FacetRow[]) : (raw ?? []);
  const facets: ThemeFacets = { personal: [], corporate: [] };
  for (const { audience, theme, count } of rows) facets[audience].push({ theme, count });
  return facets;
}

export interface SearchPage {
  items: MatterSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets?: { themes: ThemeFacets };
}

export async function searchMatters(
  deps: { db: Db; clock: Clock },
  call: Call,
  { search }: { search: MatterSearch },
): Promise<SearchPage> {
  const { sql, params } = buildSearchQuery({ actor: call.actor, search, today: deps.clock.today() });
  const result = await readerOf(deps.db, call).query<{
    total: number;
    items: SearchItemRow[] | string;
    facets?: FacetRow[] | string | null;
  }>(sql, params);
  const row = result.rows[0];
  const items = typeof row?.items === 'string' ? (JSON.parse(row.items) as SearchItemRow[]) : (row?.items ?? []);
  return {
    ...(search.hasThemeFacets ? { facets: { themes: themeFacetsOf(row?.facets) } } : {}),
    total: Number(row?.total ?? 0),
    page: search.page,
    pageSize: search.pageSize,
    items: items.map((row) => ({
      code: row.code,
      version: row.version,
      status: row.state,
      name: row.name,
      type: row.task_type,
      departmentCode: row.department_code,
      departmentName: row.department_name,
      levels: row.levels,
      serviceObjects: row.service_objects,
      effectiveFrom: row.effective_from,
      cancelAt: row.cancel_at,
      updatedAt: new Date(row.updated_at).toISOString(),
      projectType: row.project_type,
      sceneVisits: typeof row.scene_visits === 'number' ? row.scene_visits : null,
      themes: row.themes,
      submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at).toISOString(),
    })),
  };
}
