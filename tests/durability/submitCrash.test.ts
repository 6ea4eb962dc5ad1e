import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../platform/src/infra';
import type { Db } from '../../platform/src/kernel';
import { DEMO_CITIZEN_ID, DEMO_PASSWORD, FOOD_UPLOADS, prepareFoodDraft, submitDraft } from '../support/foodApplication';
import { samplePdf } from '../support/sampleFiles';
import { startServerChild, type ServerChild } from '../support/serverChild';
import { TestClient } from '../support/TestClient';
import { createTestDatabase } from '../support/testDatabase';

const CLIENTS = 6;
/** The kill waits for this many answered submissions, so that there is something to lose. */
const ANSWERED_BEFORE_KILL = 6;
const DRAFTS_PER_BURST = 2;
/** A submit kill waits for submits queued behind each other; an upload kill for one file arriving. */
const IN_FLIGHT_AT_KILL = { submit: 3, upload: 1 };

interface Submission {
  client: number;
  draftId: string;
  fileIds: string[];
  key: string;
  /** The HTTP status, or undefined when the connection died first. */
  status: number | undefined;
  number?: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Kept contents under DATA_DIR/files (`ab/abcdef…`), and what is left in the staging folder. */
function storedFiles(root: string): { blobs: string[]; staged: string[] } {
  if (!existsSync(root)) return { blobs: [], staged: [] };
  const blobs = readdirSync(root)
    .filter((name) => /^[0-9a-f]{2}$/.test(name))
    .flatMap((prefix) => readdirSync(join(root, prefix)));
  return { blobs, staged: existsSync(join(root, 'tmp')) ? readdirSync(join(root, 'tmp')) : [] };
}

interface LoadState {
  submissions: Submission[];
  /** Files whose upload was answered with success. */
  uploaded: Set<string>;
  /** File id → sha256 of the bytes sent. */
  contents: Map<string, string>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every client prepares drafts (three uploads, a save) and submits them, each with a fresh key,
 * until the server dies. Once enough submissions were answered, the kill comes at a random point
 * inside a request of the `moment` kind that is in flight (0 to its median duration after one
 * started), so that it lands inside transactions and half-received files rather than between them.
 */
async function loadUntilKilled(server: ServerChild, clients: TestClient[], state: LoadState, moment: 'submit' | 'upload') {
  const inFlight = { submit: new Map<object, number>(), upload: new Map<object, number>() };
  const durations = { submit: [] as number[], upload: [] as number[] };
  const timed = async <T>(kind: 'submit' | 'upload', work: () => Promise<T>) => {
    const token = {};
    const started = performance.now();
    inFlight[kind].set(token, started);
    try {
      const result = await work();
      durations[kind].push(performance.now() - started);
      return result;
    } finally {
      inFlight[kind].delete(token);
    }
  };
  let isLoading = true;
  let answered = 0;
  const refusals: string[] = [];
  const running = clients.map(async (client, index) => {
    await sleep(Math.random() * 200); // not in lockstep
    while (isLoading) {
      // A few drafts prepared, then submitted at once: submits queue on the database, so a kill
      // finds some committed and some not, and any gap inside one submit is held open by the others.
      const drafts: Submission[] = [];
      for (let i = 0; i < DRAFTS_PER_BURST && isLoading; i += 1) {
        const tag = randomUUID(); // distinct bytes: a content of its own
        const sent = new Map<string, string>();
        try {
          const draft = await prepareFoodDraft(client, {
            // One material's bytes are the same for everyone: a content kept once, named by many rows.
            bytesFor: (materialId) => {
              const bytes = materialId === 'safetyRules' ? samplePdf('shared') : samplePdf(`${tag}-${materialId}`);
              sent.set(materialId, sha256(bytes));
              return bytes;
            },
            upload: (send) => timed('upload', send),
            onUploaded: (fileId) => state.uploaded.add(fileId),
          });
          draft.fileIds.forEach((fileId, n) => state.contents.set(fileId, sent.get(FOOD_UPLOADS[n] ?? '') ?? ''));
          drafts.push({ client: index, draftId: draft.id, fileIds: draft.fileIds, key: randomUUID(), status: undefined });
        } catch {
          return; // the server went away before this draft was submitted
        }
      }
      state.submissions.push(...drafts);
      const outcomes = await Promise.allSettled(
        drafts.map(async (submission) => {
          const response = await timed('submit', () => submitDraft(client, submission.draftId, submission.key));
          submission.status = response.status;
          if (response.status !== 201) refusals.push(`${response.status} ${response.text.slice(0, 300)}`);
          if (response.status === 201) {
            submission.number = response.body.number as string;
            answered += 1;
          }
        }),
      );
      // No answer: retried after the restart.
      if (outcomes.some((outcome) => outcome.status === 'rejected') || refusals.length > 0) return;
    }
  });
  const started = performance.now();
  let delayMs = 0;
  let inFlightAtKill = 0;
  // A random point inside a request that is in flight: its start plus up to the median duration; if
  // it finished by then, the next one.
  while (inFlightAtKill === 0) {
    if (refusals.length > 0) throw new Error(`a submit was refused: ${refusals[0]}`);
    if (performance.now() - started > 120_000)
      throw new Error(`${answered} submissions answered in 120 s:\n${server.output().slice(-2000)}`);
    const requestStarted = [...inFlight[moment].values()].at(-1);
    // Should the clients never line up, after a while any request in flight will do.
    const needed = performance.now() - started > 30_000 ? 1 : IN_FLIGHT_AT_KILL[moment];
    if (answered < ANSWERED_BEFORE_KILL || requestStarted === undefined || inFlight[moment].size < needed) {
      await sleep(1);
      continue;
    }
    const target = requestStarted + Math.random() * median(durations[moment]);
    await sleep(Math.max(0, target - performance.now()));
    delayMs = Math.round(performance.now() - requestStarted);
    if (inFlight[moment].size >= needed) inFlightAtKill = inFlight[moment].size;
  }
  await server.kill('SIGKILL');
  isLoading = false;
  await Promise.all(running);
  return `SIGKILL ${delayMs} ms into a ${moment} (median ${Math.round(median(durations[moment]))} ms, ${inFlightAtKill} in flight) after ${answered} answered submissions`;
}

/**
 * On PostgreSQL, a second connection polls for what no committed state may show: an application
 * without its files or first event, a draft closed without its application, or the reverse.
 */
function watchHalfWritten(databaseUrl: string, found: string[]): { stop(): Promise<void> } {
  const client = new pg.Client({ connectionString: databaseUrl });
  let isWatching = true;
  const watching = (async () => {
    await client.connect();
    while (isWatching) {
      const { rows } = await client.query<{ number: string }>(
        `SELECT a.number FROM applications a
         WHERE NOT EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id)
            OR NOT EXISTS (SELECT 1 FROM application_files f WHERE f.application_id = a.id)
         UNION ALL
         SELECT d.id::text FROM drafts d WHERE (d.status = 'submitted') <> EXISTS (SELECT 1 FROM applications a WHERE a.draft_id = d.id)`,
      );
      for (const row of rows) if (!found.includes(row.number)) found.push(row.number);
    }
    await client.end();
  })();
  return {
    async stop() {
      isWatching = false;
      await watching;
    },
  };
}

const describeLeft = ({ blobs, staged }: { blobs: string[]; staged: string[] }) =>
  `${staged.length} staged uploads and ${blobs.length} contents on disk`;

/** One session each; one after another, since logins in flight count against the login throttle. */
async function logIn(url: string, count: number): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let i = 0; i < count; i += 1) {
    const client = new TestClient(url);
    await client.login(DEMO_CITIZEN_ID, DEMO_PASSWORD);
    clients.push(client);
  }
  return clients;
}

/**
 * Issue 7, Durability: a real server in a child process, many clients uploading and submitting at
 * once, SIGKILL at a random moment, a restart on the same data: whatever was answered with success
 * is there, once, whole, and the files on disk and their rows agree. PGlite in a data directory,
 * or the PostgreSQL server of DATABASE_URL (a private database there).
 */
describe('submissions when the server is killed mid-load', () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: ServerChild | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mf-durability-'));
    database = await createTestDatabase({ template: 'catalog' });
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every answered submission once and whole, and no file without its row', async () => {
    const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: database.databaseUrl };
    const image = database.databaseUrl ? undefined : inject('pgliteImages').catalog;
    const load: LoadState = { submissions: [], uploaded: new Set(), contents: new Map() };
    const reports: string[] = [];
    // Two kills: one while a submit is being answered, one while a file is arriving.
    const halfWritten: string[] = [];
    for (const moment of ['submit', 'upload'] as const) {
      server = await startServerChild({ env, ...(reports.length === 0 ? { image } : {}) });
      const clients = await logIn(server.url, CLIENTS);
      const observer = database.databaseUrl ? watchHalfWritten(database.databaseUrl, halfWritten) : undefined;
      let report: string;
      try {
        report = await loadUntilKilled(server, clients, load, moment);
      } finally {
        await observer?.stop();
      }
      reports.push(`${moment}: ${report}, then ${describeLeft(storedFiles(join(env.DATA_DIR, 'files')))}`);
    }
    const context = `${database.databaseUrl ? 'postgres' : 'pglite'}; ${reports.join('; ')}`;
    console.info(`durability: ${context}`);
    const { submissions, uploaded, contents } = load;
    // PostgreSQL: what other connections saw while the load ran (a kill is unlikely to land inside
    // a gap between two transactions of one submit; a reader polling all along sees it).
    expect(halfWritten, context).toEqual([]);
    expect(
      submissions.filter((s) => s.status !== undefined && s.status !== 201),
      context,
    ).toEqual([]);
    const unanswered = submissions.filter((s) => s.status === undefined);

    server = await startServerChild({ env });
    const sessions = await logIn(server.url, CLIENTS);

    // Every answered submission is there, as answered; a retry with its key replays it.
    const answeredSubmissions = submissions.filter((s) => s.number !== undefined);
    for (const s of answeredSubmissions) {
      const client = sessions[s.client] as TestClient;
      const read = await client.get(`/api/applications/${s.number}`);
      expect(read.status, `${context}: ${s.number}`).toBe(200);
      expect(read.body.events[0]?.type).toBe('submitted');
      const received = (read.body.materials as { files: { id: string; sha256: string }[] }[]).flatMap((m) => m.files);
      expect(received.map((file) => file.id).sort()).toEqual([...s.fileIds].sort());
      const retry = await submitDraft(client, s.draftId, s.key);
      expect(retry.status).toBe(200);
      expect(retry.body.number).toBe(s.number);
    }
    // A submit cut off without an answer either happened (the retry replays it) or did not (the
    // retry makes it, once): either way one application, and a second retry replays that one.
    for (const s of unanswered) {
      const client = sessions[s.client] as TestClient;
      const retry = await submitDraft(client, s.draftId, s.key);
      expect([200, 201], `${context}: retry of ${s.draftId}: ${retry.text}`).toContain(retry.status);
      s.number = retry.body.number as string;
      const again = await submitDraft(client, s.draftId, s.key);
      expect(again.status).toBe(200);
      expect(again.body.number).toBe(s.number);
    }
    // The bytes kept are the bytes sent.
    for (const s of submissions) {
      const client = sessions[s.client] as TestClient;
      for (const fileId of s.fileIds) {
        const download = await client.download(`/api/files/${fileId}`);
        expect(download.status, `${context}: file ${fileId}`).toBe(200);
        expect(sha256(download.bytes)).toBe(contents.get(fileId));
      }
    }
    await server.kill('SIGTERM');
    server = undefined;

    // The tables, read directly.
    const db: Db = await openDb(database.databaseUrl ? { databaseUrl: database.databaseUrl } : { dataDir: env.DATA_DIR });
    try {
      const rows = async <T>(sql: string) => (await db.query<T>(sql)).rows;
      const applications = await rows<{ id: number; number: string; draft_id: string; linked: number; named: number }>(
        `SELECT a.id, a.number, a.draft_id,
                (SELECT count(*)::int FROM application_files f WHERE f.application_id = a.id) AS linked,
                (SELECT count(*)::int FROM jsonb_array_elements(a.materials) m, jsonb_array_elements(m -> 'fileIds')) AS named
         FROM applications a ORDER BY a.number`,
      );
      // One application per submitted draft, and none the clients did not submit.
      expect(applications.map((a) => a.draft_id).sort(), context).toEqual(submissions.map((s) => s.draftId).sort());
      expect(new Set(applications.map((a) => a.number)).size).toBe(applications.length);
      expect(applications.map((a) => a.number).sort()).toEqual(submissions.map((s) => s.number).sort());
      // Whole: the files each material received, the first event, the draft closed.
      expect(
        applications.filter((a) => a.linked !== a.named || a.linked !== FOOD_UPLOADS.length),
        context,
      ).toEqual([]);
      const firstEvents = await rows<{ application_id: number; type: string | null }>(
        `SELECT a.id AS application_id, (SELECT e.type FROM application_events e WHERE e.application_id = a.id ORDER BY e.id LIMIT 1) AS type
         FROM applications a`,
      );
      expect(
        firstEvents.filter((e) => e.type !== 'submitted'),
        context,
      ).toEqual([]);
      expect(
        await rows(`SELECT id FROM drafts WHERE (status = 'submitted') <> (id IN (SELECT draft_id FROM applications))`),
      ).toEqual([]);
      expect(
        await rows(
          `SELECT application_id FROM application_events WHERE application_id NOT IN (SELECT id FROM applications)
           UNION ALL SELECT application_id FROM application_files WHERE application_id NOT IN (SELECT id FROM applications)`,
        ),
      ).toEqual([]);
      // Numbers given in the submitting transaction: 0001…n with no gap, the counter at n.
      const sequences = applications.map((a) => Number(a.number.slice(-4))).sort((x, y) => x - y);
      expect(sequences, context).toEqual(sequences.map((_, i) => i + 1));
      const counters = await rows<{ last: number }>('SELECT last FROM application_numbers');
      expect(counters).toEqual([{ last: applications.length }]);

      // Every upload answered with success has its row; every row its bytes; no bytes without a row.
      const files = await rows<{ id: string; sha256: string }>('SELECT id, sha256 FROM files');
      const fileIds = new Set(files.map((f) => f.id));
      expect(
        [...uploaded].filter((id) => !fileIds.has(id)),
        context,
      ).toEqual([]);
      const { blobs, staged } = storedFiles(join(env.DATA_DIR, 'files'));
      expect(staged, context).toEqual([]);
      expect([...new Set(files.map((f) => f.sha256))].sort()).toEqual([...blobs].sort());
    } finally {
      await db.close();
    }
  }, 300_000);
});
