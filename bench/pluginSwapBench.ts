import { SYSTEM_ACTOR } from '../platform/src/kernel';
import { foodLicence, scjgCode } from '../tests/support/matterFixtures';
import { hookTarget, pluginBundle, validateInput } from '../tests/support/pluginBundles';
import { publishMatter } from '../tests/support/publishMatter';
import { startTestServer, type TestServer } from '../tests/support/startTestServer';
import { fmt, median, percentile } from './stats';

const LOOPS = 8;
const SWAPS = 10;
const SWAP_EVERY_MS = 150;

interface LoadResult {
  calls: number;
  failed: number;
  ms: number;
  versions: Set<string>;
  latencies: number[];
  /** Failed calls by kind: a timeout on a starved machine is not a switch's fault. */
  kinds: Map<string, number>;
}

/** LOOPS concurrent callers of the validate hook until `work` is done. */
async function underLoad(server: TestServer, food: string, scjg: string, work: () => Promise<void>): Promise<LoadResult> {
  const target = hookTarget(food, scjg, [{ id: 'bench-swap', major: 1, onFailure: 'block' }]);
  const input = validateInput(food, scjg);
  const result: LoadResult = { calls: 0, failed: 0, ms: 0, versions: new Set(), latencies: [], kinds: new Map() };
  let running = true;
  const loop = async () => {
    while (running) {
      const started = performance.now();
      const outcomes = await server.plugins.run({ actor: SYSTEM_ACTOR }, target, 'validate', input);
      result.latencies.push(performance.now() - started);
      result.calls += 1;
      for (const outcome of outcomes) {
        if (outcome.ok) result.versions.add(outcome.version);
        else {
          result.failed += 1;
          result.kinds.set(outcome.failure.kind, (result.kinds.get(outcome.failure.kind) ?? 0) + 1);
        }
      }
      if (outcomes.length !== 1) result.failed += 1;
    }
  };
  const started = performance.now();
  const loops = Array.from({ length: LOOPS }, loop);
  await work();
  running = false;
  await Promise.all(loops);
  result.ms = performance.now() - started;
  return result;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The host's half of the plugin bench: failed calls while the enabled version is switched back and
 * forth under load (must be 0), throughput and latency against the same load without switching
 * (the baseline), and the cold load of a version (its first call after enabling: code read from
 * the database, a new QuickJS context) against a warm call of it.
 */
export async function runPluginSwapBench(lines: string[], { runs }: { runs: number }): Promise<void> {
  const server = await startTestServer();
  try {
    const scjg = scjgCode();
    const document = foodLicence({ suffix: '0001310249901' });
    await publishMatter(await server.login('legal'), document);
    const admin = await server.login('scjg_admin');
    const versions = ['1.0.0', '1.1.0', ...Array.from({ length: runs }, (_, i) => `1.2.${i}`)];
    for (const version of versions) {
      const uploaded = await admin.post(
        '/api/plugins',
        pluginBundle({ id: 'bench-swap', version, department: scjg, matters: [document.code] }),
      );
      if (uploaded.status !== 201 || uploaded.body.state !== 'checked') throw new Error(`upload ${version}: ${uploaded.text}`);
    }
    const enable = async (version: string) => {
      const answer = await admin.post(`/api/plugins/bench-swap/versions/${version}/transitions`, { to: 'enabled' });
      if (answer.status !== 200) throw new Error(`enable ${version}: ${answer.text}`);
    };
    await enable('1.0.0');
    await underLoad(server, document.code, scjg, () => pause(500));

    const baseline = await underLoad(server, document.code, scjg, () => pause(SWAPS * SWAP_EVERY_MS));
    const swapped = await underLoad(server, document.code, scjg, async () => {
      for (let i = 0; i < SWAPS; i += 1) {
        await pause(SWAP_EVERY_MS);
        await enable(i % 2 === 0 ? '1.1.0' : '1.0.0');
      }
    });

    // Cold: a version never called in this process, timed on its first call; warm: its next calls.
    const target = hookTarget(document.code, scjg, [{ id: 'bench-swap', major: 1 }]);
    const input = validateInput(document.code, scjg);
    const call = async () => {
      const started = performance.now();
      const [outcome] = await server.plugins.run({ actor: SYSTEM_ACTOR }, target, 'validate', input);
      if (!outcome?.ok) throw new Error(`bench call failed: ${JSON.stringify(outcome)}`);
      return performance.now() - started;
    };
    const cold: number[] = [];
    const warm: number[] = [];
    for (const version of versions.slice(2)) {
      await enable(version);
      cold.push(await call());
      for (let i = 0; i < 20; i += 1) warm.push(await call());
    }

    const rate = (r: LoadResult) => (r.calls / r.ms) * 1000;
    lines.push(`## Plugin hot swap and cold load (${server.deps.db.kind}, ${LOOPS} concurrent callers)`, '');
    lines.push(
      '| measurement | calls | failed (by kind) | calls/s | p50 | p95 | versions served |',
      '|---|---|---|---|---|---|---|',
    );
    for (const [name, r] of [
      ['steady (baseline)', baseline],
      [`${SWAPS} switches, one per ${SWAP_EVERY_MS} ms`, swapped],
    ] as const)
      lines.push(
        `| ${name} | ${r.calls} | **${r.failed}** ${[...r.kinds].map(([kind, n]) => `${kind}: ${n}`).join(', ')} | ${rate(r).toFixed(0)} | ${fmt(median(r.latencies))} | ${fmt(percentile(r.latencies, 95))} | ${[...r.versions].sort().join(', ')} |`,
      );
    lines.push(
      '',
      `Throughput while switching: ${((rate(swapped) / rate(baseline)) * 100).toFixed(0)}% of steady. ` +
        `Cold load of a version (first call after enabling, ${cold.length} versions): median ${fmt(median(cold))} ` +
        `against a warm call ${fmt(median(warm))} (${(median(cold) / median(warm)).toFixed(1)}×).`,
      '',
    );
  } finally {
    await server.close();
  }
}
