import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/src/infra';
import { bootstrap } from '../../platform/src/server/bootstrap';
import { createTestDatabase } from '../support/testDatabase';
import { stateCouncilNotices } from '../../schemas/src/calendar/stateCouncilNotices.fixture';
import { fixedClock } from '../../platform/src/kernel';
import { startTestServer, type TestServer } from '../support/startTestServer';
import type { TestClient } from '../support/TestClient';

let server: TestServer;
let sysadmin: TestClient;
let anonymous: TestClient;

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-12-01T02:00:00Z') });
  sysadmin = await server.login('sysadmin');
  anonymous = server.anonymous();
});
afterAll(async () => {
  await server?.close();
});

const notice2025 = stateCouncilNotices.find((notice) => notice.year === 2025);
const dates = (days: readonly { date: string }[]) => days.map((day) => day.date);

describe('GET /api/calendar/{region}/{year}', () => {
  it('answers 2025 as the State Council notice states it, to anyone', async () => {
    const response = await anonymous.get('/api/calendar/CN/2025');
    expect(response.status).toBe(200);
    expect(dates(response.body.holidays)).toEqual(dates(notice2025?.holidays ?? []));
    expect(dates(response.body.workdays)).toEqual(dates(notice2025?.workdays ?? []));
    expect(response.body).toMatchObject({ region: 'CN', parent: null, year: 2025, updatedBy: 'system' });
  });

  it('says which years exist for a year without data, and which regions for an unknown region', async () => {
    const year = await anonymous.get('/api/calendar/CN/2031');
    expect(year.status).toBe(404);
    expect(year.body.error).toMatchObject({ code: 'CALENDAR_NOT_FOUND', details: { region: 'CN', year: 2031 } });
    expect(year.body.error.details.years).toContain(2004);
    expect(year.body.error.message).toContain('2004–2026');
    const region = await anonymous.get('/api/calendar/110101/2025');
    expect(region.status).toBe(404);
    expect(region.body.error.details.regions).toEqual(expect.arrayContaining(['CN', '439901']));
    expect((await anonymous.get('/api/calendar/XX/2025')).status).toBe(400);
  });
});

describe('GET /api/calendar/{region}/deadline and /workdays', () => {
  it('counts over 国庆 2025 with its make-up days (the worked example)', async () => {
    const response = await anonymous.get('/api/calendar/439901/deadline?from=2025-09-26&days=5&unit=workday');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      region: '439901',
      from: '2025-09-26',
      days: 5,
      unit: 'workday',
      pausedDays: 0,
      due: '2025-10-10',
      provisional: false,
    });
    const paused = await anonymous.get('/api/calendar/439901/deadline?from=2025-09-26&days=5&pausedDays=2');
    expect(paused.body).toMatchObject({ due: '2025-10-13', unit: 'workday' });
    const natural = await anonymous.get('/api/calendar/CN/deadline?from=2025-09-26&days=7&unit=day');
    // 7 日 end on 10-03, inside 国庆: the period runs on to the first working day after it (民法典第二百零三条).
    expect(natural.body).toMatchObject({ due: '2025-10-09', provisional: false });
    const month = await anonymous.get('/api/calendar/CN/deadline?from=2025-01-31&days=1&unit=month');
    expect(month.body).toMatchObject({ due: '2025-02-28' });
    const workdays = await anonymous.get('/api/calendar/CN/workdays?from=2025-09-26&to=2025-10-10');
    expect(workdays.body).toEqual({ region: 'CN', from: '2025-09-26', to: '2025-10-10', workdays: 5, provisional: false });
  });

  it('marks an answer in 2027 provisional', async () => {
    const response = await anonymous.get('/api/calendar/CN/deadline?from=2027-03-01&days=5');
    expect(response.body).toMatchObject({ due: '2027-03-08', provisional: true });
  });

  it('refuses a date that is not one, naming the parameter', async () => {
    const response = await anonymous.get('/api/calendar/CN/deadline?from=2025-02-30&days=5');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toContain('/query/from');
  });
});

describe('PUT /api/calendar/{region}/{year}', () => {
  it('is refused to anyone but the system administrator before the body is read', async () => {
    const legal = await server.login('legal');
    const refused = await legal.request('PUT', '/api/calendar/CN/2025', '{not json', { contentType: 'application/json' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await anonymous.put('/api/calendar/CN/2025', { holidays: [], workdays: [], source: 'x' })).status).toBe(401);
  });

  it('answers 422 with a pointer for a make-up day on a weekday', async () => {
    const response = await sysadmin.put('/api/calendar/CN/2025', {
      holidays: notice2025?.holidays,
      workdays: [...(notice2025?.workdays ?? []), { date: '2025-10-09', name: '国庆节' }],
      source: '国办发明电〔2024〕12号',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('CALENDAR_INVALID');
    expect(response.body.error.details).toEqual([
      { pointer: '/workdays/5/date', code: 'calendar.makeup_not_weekend', message: '2025-10-09 不是周末，不能列为调休上班日' },
    ]);
  });

  it('stores a change, audits it and changes the deadline answer', async () => {
    const before = await anonymous.get('/api/calendar/CN/deadline?from=2025-12-29&days=3');
    expect(before.body.due).toBe('2026-01-04');
    const year = (await anonymous.get('/api/calendar/CN/2025')).body;
    const response = await sysadmin.put('/api/calendar/CN/2025', {
      holidays: [
        ...year.holidays.map(({ date, name }: { date: string; name: string }) => ({ date, name })),
        { date: '2025-12-31', name: '测试' },
      ],
      workdays: year.workdays.map(({ date, name }: { date: string; name: string }) => ({ date, name })),
      source: '国办发明电〔2024〕12号（测试修订）',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ source: '国办发明电〔2024〕12号（测试修订）', updatedBy: 'sysadmin' });
    const after = await anonymous.get('/api/calendar/CN/deadline?from=2025-12-29&days=3');
    expect(after.body.due).toBe('2026-01-05');
    const audit = await (await server.login('supervisor')).get('/api/audit?targetType=calendar');
    expect(audit.body.items[0]).toMatchObject({ action: 'calendar.update', targetId: 'CN/2025', username: 'sysadmin' });
  });

  it('lets a locality inherit CN and override it', async () => {
    const response = await sysadmin.put('/api/calendar/439901/2026', {
      holidays: [{ date: '2026-04-20', name: '三月三' }],
      workdays: [],
      source: '某州政办发〔2026〕1号',
    });
    expect(response.status).toBe(200);
    expect(response.body.layers.map((layer: { region: string }) => layer.region)).toEqual(['CN', '439901']);
    const local = await anonymous.get('/api/calendar/439901/deadline?from=2026-04-17&days=1');
    const national = await anonymous.get('/api/calendar/CN/deadline?from=2026-04-17&days=1');
    expect([local.body.due, national.body.due]).toEqual(['2026-04-21', '2026-04-20']);
    const year = await anonymous.get('/api/calendar/439901/2026');
    expect(year.body.holidays).toContainEqual({ date: '2026-04-20', name: '三月三', region: '439901' });
    expect(year.body.holidays).toContainEqual({ date: '2026-10-01', name: '国庆节', region: 'CN' });
  });
});

describe('GET /api/calendar/status', () => {
  it('warns the system administrator in December that next year is missing', async () => {
    const response = await sysadmin.get('/api/calendar/status');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ region: '439901', today: '2026-12-01', lastCoveredYear: 2026 });
    expect(response.body.warnings).toEqual([{ code: 'calendar.next_year_missing', message: expect.stringContaining('2027') }]);
    expect(response.body.regions).toContainEqual({ code: 'CN', parent: null, years: expect.arrayContaining([2004, 2026]) });
    expect((await anonymous.get('/api/calendar/status')).status).toBe(401);
  });
});

describe('start-up', () => {
  async function warningsAt(iso: string): Promise<{ msg: string; code?: string }[]> {
    const lines: { level: number; msg: string; code?: string }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const database = await createTestDatabase({ template: 'demo' });
    const booted = await bootstrap({
      config: loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: ':memory:',
        ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
      }),
      clock: fixedClock(iso),
      logger: pino({ level: 'warn' }, sink),
      shouldSeedCatalog: false,
    });
    await booted.deps.db.close();
    await database.drop();
    // The calendar's warnings only: others (a portal not built yet on a fresh clone) are not this test's.
    return lines.filter((line) => line.level === 40 && line.code?.startsWith('calendar.'));
  }

  it('logs a warning from November when next year is missing, and none before', async () => {
    expect(await warningsAt('2026-12-01T02:00:00Z')).toEqual([
      expect.objectContaining({ code: 'calendar.next_year_missing', msg: expect.stringContaining('2027') }),
    ]);
    expect(await warningsAt('2026-10-31T02:00:00Z')).toEqual([]);
  });
});
