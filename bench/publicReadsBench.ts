import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillNamePinyin, buildSearchQuery, type MatterSearch } from '../platform/src/catalog';
import { analyze, openDb } from '../platform/src/infra';
import { ANONYMOUS, type Db } from '../platform/src/kernel';
import { startTestServer } from '../tests/support/startTestServer';
import { generateMatters } from './generateMatters';
import { loadPublished, medianOfRuns, summarise, type Distribution } from './searchBench';
import { startServerProcess } from './serverProcess';
import { fmt, median } from './stats';

/**
 * Issue 7, Done means (d) and (e), each against a baseline measured in the same run:
 * (d) public search pages over the seed catalog (45 matters) and over `matters` more, server time
 *     from Server-Timing, and the SQL a cache miss issues; goal p95 ≤ 20 ms and a page costing
 *     about the same (≤ 1.5×) at both sizes;
 * (e) guide, matter and search page in requests per second on the real server (child process),
 *     against a bare express route in its own process; goal ≥ 50%.
 */
export async function runPublicReadsBench(
  lines: string[],
  { matters, runs, samples }: { matters: number; runs: number; samples: number },
): Promise<void> {
  await benchSearchScaling(lines, { matters, runs, samples });
  await benchThroughput(lines, { matters, runs });
}

interface PublicCase {
  label: string;
  search: MatterSearch;
  query: string;
}

const page = (p: Partial<MatterSearch>): MatterSearch => ({ page: 1, pageSize: 20, ...p });
const CASES: PublicCase[] = [
  { label: '首页：无条件第 1 页', search: page({}), query: '' },
  { label: '名称含“许可”', search: page({ q: '许可' }), query: `q=${encodeURIComponent('许可')}` },
  { label: '拼音首字母 spxk', search: page({ q: 'spxk' }), query: 'q=spxk' },
  {
    label: '个人主题计数（facets）',
    search: page({ audience: 'personal', hasThemeFacets: true, pageSize: 1 }),
    query: 'audience=personal&facets=themes&pageSize=1',
  },
];

async function serverTimingMs(url: string): Promise<number> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  const timing = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  if (!timing?.[1]) throw new Error('no Server-Timing header');
  return Number(timing[1]);
}

async function rawSql(db: Db, search: MatterSearch, today: string): Promise<number> {
  const { sql, params } = buildSearchQuery({ actor: ANONYMOUS, search, today });
  const started = process.hrtime.bigint();
  await db.query(sql, params);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function measureCases(baseUrl: string, db: Db, today: string, { runs, samples }: { runs: number; samples: number }) {
  const results = new Map<string, { endpoint: Distribution; raw: Distribution }>();
  for (const c of CASES) {
    const url = `${baseUrl}/api/matters?${c.query}`;
    for (let i = 0; i < 20; i += 1) {
      await serverTimingMs(url);
      await rawSql(db, c.search, today);
    }
    const endpointRuns: Distribution[] = [];
    const rawRuns: Distribution[] = [];
    for (let run = 0; run < runs; run += 1) {
      const endpoint: number[] = [];
      const raw: number[] = [];
      // Alternating blocks, not samples: the miss SQL's garbage (whole result sets) would otherwise
      // land in the next cached request's time, as both run in this process.
      for (let i = 0; i < samples; i += 1) endpoint.push(await serverTimingMs(url));
      for (let i = 0; i < samples; i += 1) raw.push(await rawSql(db, c.search, today));
      endpointRuns.push(summarise(endpoint));
      rawRuns.push(summarise(raw));
    }
    results.set(c.label, { endpoint: medianOfRuns(endpointRuns), raw: medianOfRuns(rawRuns) });
  }
  return results;
}

const verdict = (isPass: boolean) => (isPass ? '**PASS**' : '**FAIL**');

async function benchSearchScaling(
  lines: string[],
  { matters, runs, samples }: { matters: number; runs: number; samples: number },
) {
  const server = await startTestServer({ shouldSeedCatalog: true });
  try {
    const today = server.deps.clock.today();
    const small = await measureCases(server.url, server.deps.db, today, { runs, samples });
    await loadPublished(server.deps.db, generateMatters(matters, 'P'), today);
    await backfillNamePinyin(server.deps);
    await analyze(server.deps.db);
    // The bulk load bypassed this process's writes: wait out one revalidation of the catalog stamp.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const large = await measureCases(server.url, server.deps.db, today, { runs, samples });
    lines.push(`## (d) Public search: 45 against ${matters + 45} matters (${server.deps.db.kind})`, '');
    lines.push(
      'Endpoint = server time (Server-Timing) of `GET /api/matters` as a citizen, answered from the public read cache after',
      'its first request; miss = the SQL a cache miss runs (`buildSearchQuery`, anonymous). Goal: endpoint p95 ≤ 20 ms and',
      `≤ 1.5× at ${matters + 45} what it costs at 45.`,
      '',
      `| query | endpoint p50 / p95 at 45 | at ${matters + 45} | ratio p95 | miss SQL p50 / p95 at 45 | at ${matters + 45} | ratio p95 | goal (d) |`,
      '|---|---|---|---|---|---|---|---|',
    );
    for (const c of CASES) {
      const s = small.get(c.label);
      const l = large.get(c.label);
      if (!s || !l) continue;
      const ratio = l.endpoint.p95 / s.endpoint.p95;
      const isPass = l.endpoint.p95 <= 20 && ratio <= 1.5;
      lines.push(
        `| ${c.label} | ${fmt(s.endpoint.p50)} / ${fmt(s.endpoint.p95)} | ${fmt(l.endpoint.p50)} / ${fmt(l.endpoint.p95)} | ${ratio.toFixed(2)}× | ${fmt(
          s.raw.p50,
        )} / ${fmt(s.raw.p95)} | ${fmt(l.raw.p50)} / ${fmt(l.raw.p95)} | ${(l.raw.p95 / s.raw.p95).toFixed(2)}× | ${verdict(isPass)} |`,
      );
    }
    lines.push('');
  } finally {
    await server.close();
  }
}

/** Completed requests per second over `durationMs` with `concurrency` keep-alive connections. */
async function requestsPerSecond(url: string, { durationMs, concurrency }: { durationMs: number; concurrency: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(url, { agent }, (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${response.statusCode}`)),
          );
        })
        .on('error', reject);
    });
  let done = 0;
  const until = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await get();
        done += 1;
      }
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  return (done * 1000) / elapsed;
}

async function benchThroughput(lines: string[], { matters, runs }: { matters: number; runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'mf-bench-public-'));
  const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined };
  try {
    const first = await startServerProcess(env);
    await first.stop();
    const db = await openDb({ dataDir: env.DATA_DIR });
    try {
      await loadPublished(db, generateMatters(matters, 'T'), new Date().toISOString().slice(0, 10));
      await analyze(db);
    } finally {
      await db.close();
    }
    const server = await startServerProcess(env);
    const bare = await startServerProcess({}, 'bench/bareExpress.ts');
    try {
      const listing = (await (await fetch(`${server.url}/api/matters?q=${encodeURIComponent('食品经营许可')}`)).json()) as {
        items: { code: string }[];
      };
      const code = listing.items[0]?.code ?? '';
      const targets = [
        { label: 'bare express route (baseline)', url: `${bare.url}/bare` },
        { label: 'GET /api/matters/{code}/guide', url: `${server.url}/api/matters/${code}/guide` },
        { label: 'GET /api/matters/{code}', url: `${server.url}/api/matters/${code}` },
        { label: 'GET /api/matters (search page, 许可)', url: `${server.url}/api/matters?q=${encodeURIComponent('许可')}` },
      ];
      const concurrency = 8;
      for (const target of targets) await requestsPerSecond(target.url, { durationMs: 500, concurrency });
      const perTarget = new Map<string, number[]>(targets.map((t) => [t.label, []]));
      // Interleaved runs, so machine noise hits the baseline and the reads alike.
      for (let run = 0; run < runs; run += 1)
        for (const target of targets)
          perTarget.get(target.label)?.push(await requestsPerSecond(target.url, { durationMs: 1500, concurrency }));
      const baseline = median(perTarget.get(targets[0]?.label ?? '') ?? []);
      lines.push(
        `## (e) Public reads against a bare express route (pglite, ${matters + 45} matters, server in a child process)`,
        '',
      );
      lines.push(
        `${concurrency} keep-alive connections, ${runs} interleaved runs of 1.5 s per target, median requests/s. Goal: ≥ 50% of the baseline.`,
        '',
        '| target | requests/s | of baseline | goal (e) |',
        '|---|---|---|---|',
      );
      for (const target of targets) {
        const rps = median(perTarget.get(target.label) ?? []);
        const share = rps / baseline;
        const isBaseline = target === targets[0];
        lines.push(
          `| ${target.label} | ${rps.toFixed(0)} | ${(share * 100).toFixed(0)}% | ${isBaseline ? '–' : verdict(share >= 0.5)} |`,
        );
      }
      lines.push('');
    } finally {
      await bare.stop();
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
