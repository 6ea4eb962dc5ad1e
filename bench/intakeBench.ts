import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DEMO_CITIZEN_ID, DEMO_PASSWORD, prepareFoodDraft, submitDraft } from '../tests/support/foodApplication';
import { startServerChild } from '../tests/support/serverChild';
import { TestClient, type TestResponse } from '../tests/support/TestClient';
import { pgliteScratch, postgresScratch } from './scratchDatabase';
import { median } from './stats';

/** Drafts submitted per run; each run prepares its own (three uploads and a save each), untimed. */
const PER_RUN = 40;
const CONCURRENCY = 4;

const serverMs = (response: TestResponse) => Number(/app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]);

/** Sends `count` requests with `concurrency` in flight; requests per second and the server times. */
async function throughput(count: number, concurrency: number, send: (i: number) => Promise<TestResponse>, expected: number) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const response = await send(next++);
        if (response.status !== expected) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 500)}`);
        times.push(serverMs(response));
      }
    }),
  );
  return { perSecond: (count * 1000) / (performance.now() - started), serverMs: median(times) };
}

/**
 * Issue 7, Done means (a): submissions per second through HTTP — a valid 食品经营许可 form with
 * three materials uploaded beforehand, on a real PGlite database in one server process — against
 * the same server answering a signed-in POST that inserts one row (bench/intakeServer.ts).
 * Interleaved runs, medians; goal ≥ 50%.
 */
/** On PGlite always; on PostgreSQL too when DATABASE_URL is set (a scratch database, dropped after). */
export async function runIntakeBench(lines: string[], { runs }: { runs: number }): Promise<void> {
  await benchOn(lines, { runs, kind: 'pglite' });
  if (process.env.DATABASE_URL) await benchOn(lines, { runs, kind: 'postgres' });
}

async function benchOn(lines: string[], { runs, kind }: { runs: number; kind: 'pglite' | 'postgres' }): Promise<void> {
  const scratch = kind === 'pglite' ? pgliteScratch() : await postgresScratch(process.env.DATABASE_URL ?? '');
  const server = await startServerChild({
    env: { ...scratch.env, LOG_LEVEL: 'info' },
    entry: 'bench/intakeServer.ts',
    listenTimeoutMs: 600_000,
  });
  try {
    const client = new TestClient(server.url);
    await client.login(DEMO_CITIZEN_ID, DEMO_PASSWORD);
    const prepare = async (count: number) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) ids.push((await prepareFoodDraft(client)).id);
      return ids;
    };
    const submitAll = (ids: string[]) =>
      throughput(ids.length, CONCURRENCY, (i) => submitDraft(client, ids[i] ?? '', randomUUID()), 201);
    const insertMany = (count: number) =>
      throughput(count, CONCURRENCY, (i) => client.post('/api/bench/rows', { note: `row ${i}` }), 201);

    const loadBefore = loadavg()[0] ?? Number.NaN;
    await submitAll(await prepare(10));
    await insertMany(100);
    const submits: { perSecond: number; serverMs: number }[] = [];
    const baselines: { perSecond: number; serverMs: number }[] = [];
    for (let run = 0; run < runs; run += 1) {
      const ids = await prepare(PER_RUN);
      // Alternating which goes first, so that drift in the machine's load hits both sides alike.
      if (run % 2 === 0) {
        submits.push(await submitAll(ids));
        baselines.push(await insertMany(PER_RUN * 2));
      } else {
        baselines.push(await insertMany(PER_RUN * 2));
        submits.push(await submitAll(ids));
      }
    }
    const submitRate = median(submits.map((s) => s.perSecond));
    const baselineRate = median(baselines.map((b) => b.perSecond));
    // Each run's two sides ran back to back: their ratio is steadier than the ratio of the medians
    // on a machine whose load comes and goes.
    const shares = submits.map((s, i) => s.perSecond / (baselines[i]?.perSecond ?? Number.NaN));
    const share = median(shares);
    const range = `${(Math.min(...shares) * 100).toFixed(0)}–${(Math.max(...shares) * 100).toFixed(0)}%`;
    // The machine is shared: a ratio means little without the load it was measured under.
    const load = `load average (1 min) ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? Number.NaN).toFixed(1)} at the end`;
    lines.push(`## (a) Submissions against a one-row insert (${kind}, server in a child process)`, '');
    lines.push(
      `${runs} interleaved runs; each submits ${PER_RUN} prepared drafts (valid form, three PDFs uploaded beforehand) and sends`,
      `${PER_RUN * 2} baseline requests (signed-in POST inserting one row, same server), ${CONCURRENCY} in flight. Median`,
      'requests/s over runs; server time = median Server-Timing; "of baseline" = median of the runs\' ratios (range in',
      `brackets). Goal: ≥ 50% of the baseline. ${load}.`,
      '',
      '| target | requests/s | server time p50 | of baseline | goal (a) |',
      '|---|---|---|---|---|',
      `| POST /api/bench/rows (baseline) | ${baselineRate.toFixed(0)} | ${median(baselines.map((b) => b.serverMs)).toFixed(1)} ms | – | – |`,
      `| POST /api/drafts/{id}/submit | ${submitRate.toFixed(0)} | ${median(submits.map((s) => s.serverMs)).toFixed(1)} ms | ${(share * 100).toFixed(0)}% (${range}) | ${
        share >= 0.5 ? '**PASS**' : '**FAIL**'
      } |`,
      '',
    );
  } finally {
    await server.kill('SIGTERM');
    await scratch.drop();
  }
}
