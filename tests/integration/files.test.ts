import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../platform/src/identity';
import { fail, SYSTEM_ACTOR, type Call } from '../../platform/src/kernel';
import type { UploadPurpose, UploadRules } from '../../platform/src/files';
import { startFilesServer, type FilesTestServer } from '../support/startFilesServer';
import { clamdBinary, startClamd } from '../support/startClamd';
import {
  EICAR,
  multipart,
  sampleElf,
  sampleExe,
  sampleDocx,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleZip,
  type FormPart,
} from '../support/sampleFiles';
import type { TestClient } from '../support/TestClient';

const DRAFT = '0b6a2f43-6c1e-4d35-9f2a-3c9e8f1d2a10';
const KIB = 1024;

/** Stands in for intake: one draft, a few materials with their own accept lists and limits. */
const MATERIALS: Record<string, UploadRules> = {
  scan: { accept: ['pdf', 'jpg', 'png'], maxBytes: 64 * KIB },
  photo: { accept: ['jpg', 'png'], maxBytes: 64 * KIB },
  pdfOnly: { accept: ['pdf'], maxBytes: 64 * KIB },
  form: { accept: ['docx', 'pdf'], maxBytes: 64 * KIB },
  everything: { accept: ['pdf', 'jpg', 'png', 'zip', 'exe', 'elf'], maxBytes: 64 * KIB },
};
const resolveUpload = async (call: Call, { draftId, materialId }: UploadPurpose) => {
  const rules = MATERIALS[materialId ?? ''];
  if (call.actor.kind !== 'user' || draftId !== DRAFT || !rules) throw fail('UPLOAD_INVALID', { reason: 'no such draft' });
  return rules;
};
const staffMayOpen = new Set<string>();
const canStaffOpen = async (_call: Call, fileId: string) => staffMayOpen.has(fileId);

function fileParts(
  file: Buffer,
  { filename = '申请书.pdf', materialId = 'scan', contentType = 'application/pdf' } = {},
): FormPart[] {
  return [
    { name: 'draftId', value: DRAFT },
    { name: 'materialId', value: materialId },
    { name: 'file', filename, contentType, data: file },
  ];
}

function upload(client: TestClient, parts: readonly FormPart[], headers: Record<string, string> = {}) {
  const { body, contentType } = multipart(parts);
  return client.request('POST', '/api/files', body, { contentType, headers });
}

async function storedCount(server: FilesTestServer): Promise<number> {
  return Number((await server.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM files')).rows[0]?.n);
}

/** Every file under the storage root: kept contents and staged uploads alike. */
function filesOnDisk(server: FilesTestServer): string[] {
  const { root } = server.files;
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Refused and nothing stored: no new row, no new byte on disk, no staged leftover. */
async function expectNothingStored(server: FilesTestServer, before: { rows: number; disk: string[] }) {
  expect(await storedCount(server)).toBe(before.rows);
  expect(filesOnDisk(server).sort()).toEqual(before.disk.sort());
}

const snapshot = async (server: FilesTestServer) => ({ rows: await storedCount(server), disk: filesOnDisk(server) });

describe('files without a scanner', () => {
  let server: FilesTestServer;
  let citizen: TestClient;

  beforeAll(async () => {
    server = await startFilesServer({ resolveUpload, canStaffOpen });
    citizen = await server.login('citizen');
  });
  afterAll(() => server.close());

  it('stores a PDF under its content address, keeps the Chinese name, and gives it back to its owner', async () => {
    const pdf = samplePdf();
    const response = await upload(citizen, fileParts(pdf, { filename: '营业执照副本（2026）.pdf' }));
    expect(response.status).toBe(201);
    const view = response.body;
    expect(view).toMatchObject({
      name: '营业执照副本（2026）.pdf',
      size: pdf.length,
      mediaType: 'application/pdf',
      extension: 'pdf',
    });
    expect(view.scan).toBe('unscanned');
    const { createHash } = await import('node:crypto');
    expect(view.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(existsSync(join(server.files.root, view.sha256.slice(0, 2), view.sha256))).toBe(true);

    const download = await citizen.download(`/api/files/${view.id}`);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(pdf)).toBe(true);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-length')).toBe(String(pdf.length));
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe('sandbox');
    const disposition = download.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('营业执照副本（2026）.pdf');

    const row = (
      await server.deps.db.query('SELECT scan_status, purpose, created_at, scanned_at FROM files WHERE id = $1', [view.id])
    ).rows[0];
    expect(row).toMatchObject({ scan_status: 'unscanned', purpose: { draftId: DRAFT, materialId: 'scan' }, scanned_at: null });
  });

  it('sniffs PNG and JPEG from their bytes, whatever the name and Content-Type say', async () => {
    const png = await upload(citizen, fileParts(samplePng(), { filename: '照片.pdf', contentType: 'application/pdf' }));
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ extension: 'png', mediaType: 'image/png', name: '照片.pdf' });
    const jpeg = await upload(
      citizen,
      fileParts(sampleJpeg(), { filename: '身份证正面.jpg', materialId: 'photo', contentType: 'image/jpeg' }),
    );
    expect(jpeg.status).toBe(201);
    expect(jpeg.body).toMatchObject({ extension: 'jpg', mediaType: 'image/jpeg' });
    // A PNG named .pdf for a material that takes PDF only is refused by what it is.
    const before = await snapshot(server);
    const renamed = await upload(citizen, fileParts(samplePng(), { filename: '申请书.pdf', materialId: 'pdfOnly' }));
    expect(renamed.status).toBe(422);
    expect(renamed.body.error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', details: { detected: 'png', accept: ['pdf'] } });
    await expectNothingStored(server, before);
  });

  it('takes a docx where the material accepts it (a zip file-type names), and nowhere else', async () => {
    const docx = await upload(citizen, fileParts(sampleDocx(), { filename: '申请表.docx', materialId: 'form' }));
    expect(docx.status).toBe(201);
    expect(docx.body).toMatchObject({
      extension: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const elsewhere = await upload(citizen, fileParts(sampleDocx(), { filename: '申请表.docx', materialId: 'scan' }));
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', details: { detected: 'docx' } });
    const bareZip = await upload(citizen, fileParts(sampleZip(), { filename: '申请表.docx', materialId: 'form' }));
    expect(bareZip.body.error).toMatchObject({ code: 'FILE_TYPE_FORBIDDEN', details: { detected: 'zip' } });
  });

  it('stores the same content once', async () => {
    const pdf = samplePdf('same content twice');
    const first = await upload(citizen, fileParts(pdf, { filename: '一.pdf' }));
    const disk = filesOnDisk(server).length;
    const second = await upload(citizen, fileParts(pdf, { filename: '二.pdf' }));
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(filesOnDisk(server).length).toBe(disk);
    expect((await citizen.download(`/api/files/${second.body.id}`)).bytes.equals(pdf)).toBe(true);
  });

  it('refuses executables, scripts and archives whatever they are called, even where the material lists them', async () => {
    const before = await snapshot(server);
    for (const [file, detected] of [
      [sampleElf(), 'elf'],
      [sampleExe(), 'exe'],
      [sampleZip(), 'zip'],
      [Buffer.from('#!/bin/sh\nrm -rf /\n'), 'script'],
    ] as const) {
      const response = await upload(citizen, fileParts(file, { filename: '扫描件.pdf', materialId: 'everything' }));
      expect(response.status, detected).toBe(422);
      expect(response.body.error, detected).toMatchObject({ code: 'FILE_TYPE_FORBIDDEN', details: { detected } });
    }
    await expectNothingStored(server, before);
  });

  it('stops reading past the size limit and stores nothing', async () => {
    const before = await snapshot(server);
    const response = await upload(citizen, fileParts(samplePng(200 * KIB), { filename: '大图.png', materialId: 'photo' }));
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limitBytes: 64 * KIB } });
    await expectNothingStored(server, before);
  });

  it('answers a large upload past its limit with 413, not a reset connection', async () => {
    const before = await snapshot(server);
    const response = await upload(citizen, fileParts(samplePng(8 * 1024 * KIB), { filename: '大图.png', materialId: 'photo' }));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('FILE_TOO_LARGE');
    await expectNothingStored(server, before);
    // The session goes on: the next upload on a new connection works.
    expect((await upload(citizen, fileParts(samplePng(), { materialId: 'photo' }))).status).toBe(201);
  });

  it('refuses a body that announces more than any material allows before reading it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${server.url}/api/files`, {
        method: 'POST',
        headers: {
          'content-type': multipart([]).contentType,
          'content-length': String(60 * 1024 * KIB),
          cookie: citizen.cookieHeader(),
          'x-csrf-token': citizen.csrfToken ?? '',
        },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on('error', reject);
      // Headers only: the answer must not wait for 60 MB that never come.
      request.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('BODY_TOO_LARGE');
  });

  it('is documented as multipart/form-data with its fields', async () => {
    const document = (await citizen.get('/api/openapi.json')).body;
    const body = document.paths['/api/files'].post.requestBody;
    expect(Object.keys(body.content)).toEqual(['multipart/form-data']);
    expect(body.content['multipart/form-data'].schema).toMatchObject({
      // draftId, or for a 补正 answer applicationNumber (docs/cases.md "The 补正 loop"), each with
      // materialId; or caseNumber alone for a decided case's result.
      required: ['file'],
      properties: {
        draftId: { format: 'uuid' },
        applicationNumber: { type: 'string' },
        caseNumber: { type: 'string' },
        materialId: { type: 'string' },
        file: { contentMediaType: 'application/octet-stream' },
      },
    });
    expect(Object.keys(document.paths['/api/files/{id}'].get.responses['200'].content)).toContain('application/pdf');
  });

  it('leaves nothing behind when the client goes away mid-file', async () => {
    const before = await snapshot(server);
    const { body, contentType } = multipart(fileParts(samplePng(40 * KIB), { materialId: 'photo' }));
    let stagedMidway = 0;
    const sent = new Promise<void>((resolve) => {
      const request = httpRequest(`${server.url}/api/files`, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'content-length': String(body.length),
          cookie: citizen.cookieHeader(),
          'x-csrf-token': citizen.csrfToken ?? '',
        },
      });
      request.on('error', () => undefined);
      request.write(body.subarray(0, body.length / 2), () => {
        setTimeout(() => {
          stagedMidway = filesOnDisk(server).length - before.disk.length;
          request.destroy();
          resolve();
        }, 300);
      });
    });
    await sent;
    // Half the file was staged on disk while the client was still "sending".
    expect(stagedMidway).toBe(1);
    for (let attempt = 0; attempt < 50 && filesOnDisk(server).length !== before.disk.length; attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await expectNothingStored(server, before);
  });

  it('refuses malformed forms, a second file, unknown fields and fields after the file', async () => {
    const before = await snapshot(server);
    const pdf = samplePdf();
    const cases: [string, Buffer | string, string][] = [
      ['no boundary', 'hello', 'multipart/form-data'],
      ['cut off', multipart(fileParts(pdf)).body.subarray(0, 300), multipart([]).contentType],
    ];
    for (const [label, body, contentType] of cases) {
      const response = await citizen.request('POST', '/api/files', body, { contentType });
      expect(response.status, label).toBe(400);
      expect(response.body.error.code, label).toBe('UPLOAD_INVALID');
    }
    const forms: [string, FormPart[]][] = [
      ['two files', [...fileParts(pdf), { name: 'file', filename: 'b.pdf', data: pdf }]],
      ['unknown field', [{ name: 'owner', value: '1' }, ...fileParts(pdf)]],
      ['file first', [fileParts(pdf)[2] as FormPart, ...fileParts(pdf).slice(0, 2)]],
      ['no file', fileParts(pdf).slice(0, 2)],
      ['file under another name', [...fileParts(pdf).slice(0, 2), { name: 'upload', filename: 'a.pdf', data: pdf }]],
      ['empty file', fileParts(Buffer.alloc(0))],
      ['malformed draft id', [{ name: 'draftId', value: 'not-a-uuid' }, ...fileParts(pdf).slice(1)]],
    ];
    for (const [label, parts] of forms) {
      const response = await upload(citizen, parts);
      expect(response.status, label).toBe(400);
      expect(response.body.error.code, label).toBe('UPLOAD_INVALID');
    }
    // The draft's rules refuse (someone else's draft): nothing read, nothing kept.
    const foreign = await upload(citizen, [
      { name: 'draftId', value: '11111111-2222-4333-8444-555555555555' },
      ...fileParts(pdf).slice(1),
    ]);
    expect(foreign.body.error.code).toBe('UPLOAD_INVALID');
    await expectNothingStored(server, before);
  });

  it('checks the session, CSRF and media type before reading a byte', async () => {
    const before = await snapshot(server);
    const anonymous = await upload(server.anonymous(), fileParts(samplePdf()));
    expect(anonymous.status).toBe(401);
    const forged = await upload(citizen, fileParts(samplePdf()), { 'x-csrf-token': 'x'.repeat(43) });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CSRF_INVALID');
    const json = await citizen.post('/api/files', { draftId: DRAFT });
    expect(json.status).toBe(415);
    const { body, contentType } = multipart(fileParts(samplePdf()));
    const gzipped = await citizen.request('POST', '/api/files', body, { contentType, headers: { 'content-encoding': 'gzip' } });
    expect(gzipped.status).toBe(400);
    expect(gzipped.body.error.code).toBe('BODY_ENCODING_INVALID');
    await expectNothingStored(server, before);
  });

  it('opens a file for its owner only; staff never open an unscanned file; others get 404', async () => {
    const uploaded = (await upload(citizen, fileParts(samplePdf('owner only')))).body;
    const other = await createUser(
      server.deps,
      { actor: SYSTEM_ACTOR },
      {
        username: 'citizen_two',
        displayName: '王五',
        password: 'another-citizen-password',
        role: 'citizen',
      },
    );
    expect(other.username).toBe('citizen_two');
    const stranger = await server.login('citizen_two', 'another-citizen-password');
    const strangerAnswer = await stranger.get(`/api/files/${uploaded.id}`);
    expect(strangerAnswer.status).toBe(404);
    expect(strangerAnswer.body.error.code).toBe('FILE_NOT_FOUND');
    // Even where intake would let the clerk in, an unscanned file stays closed to staff.
    staffMayOpen.add(uploaded.id);
    const clerk = await server.login('scjg_window');
    expect((await clerk.get(`/api/files/${uploaded.id}`)).status).toBe(404);
    expect((await server.anonymous().get(`/api/files/${uploaded.id}`)).status).toBe(401);
    expect((await citizen.get('/api/files/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await citizen.get('/api/files/not-a-uuid')).status).toBe(400);
  });
});

describe('files with a configured scanner that does not answer', () => {
  let server: FilesTestServer;
  beforeAll(async () => {
    server = await startFilesServer({ resolveUpload, canStaffOpen, env: { CLAMD_SOCKET: '/nonexistent/clamd.sock' } });
  });
  afterAll(() => server.close());

  it('answers SCANNER_UNAVAILABLE and keeps nothing', async () => {
    const citizen = await server.login('citizen');
    const before = await snapshot(server);
    const response = await upload(citizen, fileParts(samplePdf()));
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('SCANNER_UNAVAILABLE');
    await expectNothingStored(server, before);
  });
});

const clamd = clamdBinary();
if (!clamd)
  console.warn(
    '跳过 clamd 测试：未安装 clamd。安装：apt-get install clamav-daemon / skipping clamd tests: clamd is not installed',
  );

describe.skipIf(!clamd)('files scanned by a real clamd', () => {
  let scanner: Awaited<ReturnType<typeof startClamd>>;
  let server: FilesTestServer;
  let citizen: TestClient;
  beforeAll(async () => {
    scanner = await startClamd(clamd ?? '');
    server = await startFilesServer({ resolveUpload, canStaffOpen, env: { CLAMD_SOCKET: scanner.socket } });
    citizen = await server.login('citizen');
  });
  afterAll(async () => {
    await server?.close();
    await scanner?.stop();
  });

  it('refuses a file carrying the EICAR test string and stores nothing', async () => {
    const before = await snapshot(server);
    const response = await upload(citizen, fileParts(samplePdf(EICAR), { filename: '病毒测试.pdf' }));
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('FILE_INFECTED');
    expect(response.body.error.details.signature).toMatch(/Eicar-Test-Signature/);
    await expectNothingStored(server, before);
  });

  it('marks a clean file clean, which staff handling its case may then open', async () => {
    const pdf = samplePdf('clean');
    const response = await upload(citizen, fileParts(pdf));
    expect(response.status).toBe(201);
    expect(response.body.scan).toBe('clean');
    const row = (await server.deps.db.query('SELECT scanned_at FROM files WHERE id = $1', [response.body.id])).rows[0];
    expect(row?.scanned_at).not.toBeNull();
    const clerk = await server.login('scjg_window');
    expect((await clerk.get(`/api/files/${response.body.id}`)).status).toBe(404);
    staffMayOpen.add(response.body.id);
    const opened = await clerk.download(`/api/files/${response.body.id}`);
    expect(opened.status).toBe(200);
    expect(opened.bytes.equals(pdf)).toBe(true);
    // A clerk opening a citizen's papers leaves a trace; the owner reading their own does not.
    await citizen.download(`/api/files/${response.body.id}`);
    const audit = await server.deps.db.query('SELECT username, action FROM audit_log WHERE target_type = $1 AND target_id = $2', [
      'file',
      response.body.id,
    ]);
    expect(audit.rows).toEqual([{ username: 'scjg_window', action: 'file.open' }]);
  });
});
