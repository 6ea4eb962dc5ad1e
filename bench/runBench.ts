import { writeFileSync, mkdirSync } from 'node:fs';
import { startTestServer } from '../tests/support/startTestServer';
import { readSeedDepartments } from '../platform/src/departments';
import { SEED_DEPARTMENTS_FILE } from '../tests/support/seedFiles';
import type { Actor } from '../platform/src/kernel';
import { generateMatters } from './generateMatters';
import {
  endpointSample,
  loadPublished,
  medianOfRuns,
  rawSearchSample,
  searchCases,
  summarise,
  type Distribution,
} from './searchBench';
import { runImportBench } from './importBench';
import { runServerBench } from './serverBench';
import { runCalendarBench } from './calendarBench';
import { runCaseClockBench } from './caseClockBench';
import { runCaseWarningsBench } from './caseWarningsBench';
import { runCaseActionsBench } from './caseActionsBench';
import { runQualityBench } from './qualityBench';
import { runPublicReadsBench } from './publicReadsBench';
import { runFormBench } from './formBench';
import { runPortalSizeBench } from './portalSizeBench';
import { runAdminEditorBench } from './adminEditorBench';
import { runIntakeBench } from './intakeBench';
import { runPluginSwapBench } from './pluginSwapBench';
import { runPluginCallBench } from './pluginCallBench';
import { CHROMIUM } from './portalBrowser';
import { fmt } from './stats';

/**
 * Method (also in bench/README.md): every measurement has a baseline measured in the same process
 * and run; we warm up, repeat RUNS times, take each run's p50/p95 and report the median over runs,
 * and the ratio to the baseline. Absolute numbers vary on shared machines; ratios are what to compare.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const WARMUP = 20;
const MATTERS = Number(process.env.BENCH_MATTERS ?? 10_000);
/** Which parts to run, e.g. BENCH_SECTIONS=server for the whole-catalog measurements alone. */
const SECTIONS = new Set(
  (
    process.env.BENCH_SECTIONS ??
    'search,public,intake,import,server,calendar,cases,warnings,caseActions,quality,form,portal,admin'
  ).split(','),
);

async function benchSearch(lines: string[]) {
  const server = await startTestServer();
  try {
    const today = server.deps.clock.today();
    await loadPublished(server.deps.db, generateMatters(MATTERS), today);
    const legalClient = await server.login('legal');
    const legalUser = await server.deps.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'legal'");
    const legal: Actor = {
      kind: 'user',
      userId: legalUser.rows[0]?.id ?? 0,
      username: 'legal',
      displayName: '法制',
      role: 'legal',
      departmentCode: null,
    };
    const department = readSeedDepartments(SEED_DEPARTMENTS_FILE)[0]?.code ?? '';
    const cookie = { cookie: legalClient.cookieHeader() };
    lines.push(`## Catalog search over ${MATTERS} published matters (${server.deps.db.kind})`, '');
    lines.push(
      '| query | endpoint p50 | endpoint p95 | raw SQL p50 | raw SQL p95 | ratio p50 | ratio p95 |',
      '|---|---|---|---|---|---|---|',
    );
    for (const c of searchCases(department, legal)) {
      const headers = c.actor.kind === 'user' ? cookie : {};
      for (let i = 0; i < WARMUP; i += 1) {
        await endpointSample(server.url, c, headers);
        await rawSearchSample(server.deps.db, c, today);
      }
      const endpointRuns: Distribution[] = [];
      const rawRuns: Distribution[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const endpoint: number[] = [];
        const raw: number[] = [];
        // Interleaved so that machine noise hits both sides alike.
        for (let i = 0; i < SAMPLES; i += 1) {
          endpoint.push(await endpointSample(server.url, c, headers));
          raw.push(await rawSearchSample(server.deps.db, c, today));
        }
        endpointRuns.push(summarise(endpoint));
        rawRuns.push(summarise(raw));
      }
      const e = medianOfRuns(endpointRuns);
      const r = medianOfRuns(rawRuns);
      lines.push(
        `| ${c.label} | ${fmt(e.p50)} | ${fmt(e.p95)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${(e.p50 / r.p50).toFixed(2)}× | ${(e.p95 / r.p95).toFixed(2)}× |`,
      );
    }
    lines.push('');
  } finally {
    await server.close();
  }
}

const lines: string[] = [
  `# Matterflow benchmark — ${new Date().toISOString()}`,
  '',
  `runs=${RUNS}, samples/run=${SAMPLES}, warm-up=${WARMUP}, matters=${MATTERS}`,
  '',
];
if (SECTIONS.has('search')) await benchSearch(lines);
if (SECTIONS.has('public')) await runPublicReadsBench(lines, { matters: MATTERS, runs: RUNS, samples: SAMPLES });
if (SECTIONS.has('intake')) await runIntakeBench(lines, { runs: Math.max(3, Math.min(RUNS, 5)) });
if (SECTIONS.has('import')) await runImportBench(lines, { runs: Math.max(3, Math.min(RUNS, 5)) });
if (SECTIONS.has('server')) await runServerBench(lines, { matters: MATTERS });
if (SECTIONS.has('calendar')) await runCalendarBench(lines, { runs: RUNS });
if (SECTIONS.has('cases')) runCaseClockBench(lines, { runs: RUNS });
if (SECTIONS.has('warnings')) await runCaseWarningsBench(lines, { runs: Math.max(1, Math.min(RUNS, 3)) });
if (SECTIONS.has('caseActions')) await runCaseActionsBench(lines, { runs: Math.max(1, Math.min(RUNS, 3)) });
if (SECTIONS.has('plugins')) await runPluginCallBench(lines, { runs: RUNS });
if (SECTIONS.has('plugins')) await runPluginSwapBench(lines, { runs: Math.max(3, Math.min(RUNS, 5)) });
if (SECTIONS.has('quality')) await runQualityBench(lines, { matters: MATTERS, runs: Math.min(RUNS, 2) });
// The browser sections need chromium; without it they say so instead of failing the whole run.
if ((SECTIONS.has('form') || SECTIONS.has('portal') || SECTIONS.has('admin')) && !CHROMIUM)
  lines.push(
    '## form, portal, admin: skipped (no chromium; apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH)',
    '',
  );
if (SECTIONS.has('form') && CHROMIUM) await runFormBench(lines);
if (SECTIONS.has('portal') && CHROMIUM) await runPortalSizeBench(lines);
if (SECTIONS.has('admin') && CHROMIUM) await runAdminEditorBench(lines);
const report = lines.join('\n');
console.log(report);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/bench-${Date.now()}.md`, report);
