import { catalogQuality } from '../platform/src/catalog';
import type { Actor, Db } from '../platform/src/kernel';
import { startTestServer } from '../tests/support/startTestServer';
import { generateMatters } from './generateMatters';
import { loadPublished, medianOfRuns, summarise, type Distribution } from './searchBench';
import { fmt, timeMs } from './stats';

/** A database that notes every statement it is sent, to replay the very SQL an operation issued. */
function recording(db: Db): { db: Db; statements: { sql: string; params: readonly unknown[] | undefined }[] } {
  const statements: { sql: string; params: readonly unknown[] | undefined }[] = [];
  return {
    statements,
    db: {
      ...db,
      query: (sql, params) => {
        statements.push({ sql, params });
        return db.query(sql, params);
      },
    } as Db,
  };
}

/**
 * The quality report over `matters` published matters (GET /api/catalog/quality for legal: every
 * rule over the whole catalog, on the region's calendar and the law register), against the SQL it
 * issues: the statements one warm report sent, recorded and replayed on the same database.
 * Interleaved, `runs` runs of `samples`; the ratio says what the rules cost over reading the data.
 */
export async function runQualityBench(
  lines: string[],
  { matters, runs, samples = 2 }: { matters: number; runs: number; samples?: number },
): Promise<void> {
  const server = await startTestServer();
  try {
    const { deps } = server;
    await loadPublished(deps.db, generateMatters(matters, 'Q'), deps.clock.today());
    await deps.db.query('ANALYZE');
    const legal: Actor = { kind: 'user', userId: 0, username: 'legal', displayName: '法制', role: 'legal', departmentCode: null };
    const recorder = recording(deps.db);
    const reportDeps = { ...deps, db: recorder.db, region: server.config.region };
    const report = () => catalogQuality(reportDeps, { actor: legal }, { filters: {} });
    // Warm-up: the calendar is built and cached, plans and JIT are warm; then record one report's SQL.
    await report();
    recorder.statements.length = 0;
    const first = await report();
    const statements = [...recorder.statements];
    const replay = async () => {
      for (const { sql, params } of statements) await deps.db.query(sql, params);
    };
    await replay();
    const reportRuns: Distribution[] = [];
    const sqlRuns: Distribution[] = [];
    for (let run = 0; run < runs; run += 1) {
      const reportTimes: number[] = [];
      const sqlTimes: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        reportTimes.push(await timeMs(report));
        sqlTimes.push(await timeMs(replay));
      }
      reportRuns.push(summarise(reportTimes));
      sqlRuns.push(summarise(sqlTimes));
    }
    const r = medianOfRuns(reportRuns);
    const q = medianOfRuns(sqlRuns);
    lines.push(`## Quality report over ${first.checkedMatters} matters (${deps.db.kind})`, '');
    lines.push(
      `${first.rules.length} rules, ${first.findings.length} findings; ${statements.length} SQL statements per report; ` +
        `${runs} runs of ${samples} interleaved samples.`,
      '',
      '| report p50 | report p95 | its SQL p50 | its SQL p95 | ratio p50 | ratio p95 |',
      '|---|---|---|---|---|---|',
      `| ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(q.p50)} | ${fmt(q.p95)} | ${(r.p50 / q.p50).toFixed(2)}× | ${(r.p95 / q.p95).toFixed(2)}× |`,
      '',
    );
  } finally {
    await server.close();
  }
}
