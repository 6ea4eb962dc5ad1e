import { openDb } from '../platform/src/infra';
import { generateMatters } from './generateMatters';
import { pgliteScratch, postgresScratch } from './scratchDatabase';
import { loadPublished } from './searchBench';
import { memoryOf, startServerProcess, type ServerProcess } from './serverProcess';
import { median, percentile } from './stats';

/**
 * Whole-catalog costs on the real server in a child process (its memory is its own): start-up over
 * an empty catalog and over `matters` stored versions, memory at rest and after load, and an export
 * of every matter as xlsx and JSON while /api/health is asked every 50 ms, against /api/health on
 * the idle server. PGlite always; PostgreSQL too when DATABASE_URL is set (a scratch database).
 */
export async function runServerBench(lines: string[], { matters }: { matters: number }): Promise<void> {
  await benchOn(lines, { matters, kind: 'pglite' });
  if (process.env.DATABASE_URL) await benchOn(lines, { matters, kind: 'postgres' });
}

async function benchOn(lines: string[], { matters, kind }: { matters: number; kind: 'pglite' | 'postgres' }) {
  const scratch = kind === 'pglite' ? pgliteScratch() : await postgresScratch(process.env.DATABASE_URL ?? '');
  const rows: string[] = [];
  const row = (label: string, value: string) => rows.push(`| ${label} | ${value} |`);
  try {
    const cold = await startServerProcess(scratch.env);
    const coldMemory = await atRest(cold);
    await cold.stop();
    const empty = await startServerProcess(scratch.env);
    const emptyMemory = await atRest(empty);
    await empty.stop();
    row('first start (creates the database, seeds 45 matters)', `${ms(cold.startMs)}; at rest ${mib(coldMemory)}`);
    row('restart over the seed catalog (baseline)', `${ms(empty.startMs)}; at rest ${mib(emptyMemory)}`);

    const db = await openDb(scratch.dbOptions);
    try {
      await loadPublished(db, generateMatters(matters, 'S'), new Date().toISOString().slice(0, 10));
    } finally {
      await db.close();
    }
    const loaded = await startServerProcess(scratch.env);
    await loaded.stop();
    row(`start after a bulk load of ${matters} unvalidated versions (checks them all)`, ms(loaded.startMs));
    const server = await startServerProcess(scratch.env);
    try {
      const rest = await atRest(server);
      row(
        `restart with ${matters + 45} stored versions`,
        `${ms(server.startMs)} (${(server.startMs / empty.startMs).toFixed(2)}× the baseline); at rest ${mib(rest)}`,
      );
      const idle: number[] = [];
      for (let i = 0; i < 40; i += 1) idle.push(await health(server.url));
      row('GET /api/health on the idle server (baseline)', `p50 ${ms(median(idle))}, max ${ms(Math.max(...idle))}`);
      const cookie = await login(server.url);
      for (const format of ['xlsx', 'json'] as const) {
        const result = await exportDuringHealth(server, cookie, format);
        row(
          `export ${format}, ${matters + 45} matters (${(result.bytes / 1048576).toFixed(1)} MiB)`,
          `${ms(result.ms)}; server RSS peak ${result.peakRssMiB.toFixed(0)} MiB; health during it p50 ${ms(
            median(result.health),
          )}, p95 ${ms(percentile(result.health, 95))}, max ${ms(Math.max(...result.health))} (${(
            Math.max(...result.health) / median(idle)
          ).toFixed(1)}× idle p50)`,
        );
      }
      const after = memoryOf(server.pid);
      row('server memory after the exports', `RSS ${after.rssMiB.toFixed(0)} MiB, high-water ${after.hwmMiB.toFixed(0)} MiB`);
    } finally {
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }
  lines.push(`## Whole catalog on the server process (${kind}, ${matters} generated matters)`, '');
  lines.push('| measurement | result |', '|---|---|', ...rows, '');
}

/** Memory once start-up garbage had a chance to go: two seconds idle. */
async function atRest(server: ServerProcess) {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return memoryOf(server.pid);
}

/** A reset on a reused keep-alive connection (the server closed it as the request left) is what a
 * browser retries once; the latency counts both attempts. */
async function fetchRetryingReset(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url);
  }
}

async function health(url: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetchRetryingReset(`${url}/api/health`);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`health ${response.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'legal', password: 'matterflow-demo' }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function exportDuringHealth(server: ServerProcess, cookie: string, format: 'xlsx' | 'json') {
  let isDone = false;
  let peakRssMiB = memoryOf(server.pid).rssMiB;
  const sampler = setInterval(() => {
    peakRssMiB = Math.max(peakRssMiB, memoryOf(server.pid).rssMiB);
  }, 50);
  const latencies: number[] = [];
  const probing = (async () => {
    while (!isDone) {
      latencies.push(await health(server.url));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = process.hrtime.bigint();
  let bytes = 0;
  try {
    const response = await fetch(`${server.url}/api/catalog/export?format=${format}`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`export ${format}: ${response.status}`);
    for await (const chunk of response.body) bytes += (chunk as Uint8Array).byteLength;
  } finally {
    isDone = true;
    clearInterval(sampler);
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  await probing;
  return { ms: elapsed, bytes, health: latencies, peakRssMiB: Math.max(peakRssMiB, memoryOf(server.pid).rssMiB) };
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const mib = ({ rssMiB, hwmMiB }: { rssMiB: number; hwmMiB: number }) =>
  `RSS ${rssMiB.toFixed(0)} MiB (high-water ${hwmMiB.toFixed(0)} MiB)`;
