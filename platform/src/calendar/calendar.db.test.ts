import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARED_YEARS, compareDurations } from '@matterflow/schemas';
import { stateCouncilNotices } from '../../../schemas/src/calendar/stateCouncilNotices.fixture';
import { listAudit } from '../audit';
import { openDb } from '../infra';
import { fixedClock, type Actor, type Db } from '../kernel';
import { calendarWarnings } from './calendarStatus';
import { computeDeadline } from './computeDeadline';
import { getCalendarYear } from './getCalendarYear';
import { loadWorkCalendar } from './loadWorkCalendar';
import { putCalendarYear } from './putCalendarYear';
import { FIRST_LIBRARY_YEAR, LAST_LIBRARY_YEAR, seedCalendars } from './seedCalendars';

const user = (role: 'sysadmin' | 'legal'): Actor => ({
  kind: 'user',
  userId: 0,
  username: `${role}-tester`,
  displayName: '测试',
  role,
  departmentCode: null,
});
const sysadmin = { actor: user('sysadmin') };
const clock = fixedClock('2026-12-01T02:00:00Z');

let db: Db;
beforeAll(async () => {
  db = await openDb({});
});
afterAll(async () => {
  await db?.close();
});

const dates = (days: readonly { date: string }[]) => days.map((day) => day.date);

describe('seeding the national calendar', () => {
  it('stores 2004–2026 once, and never overwrites a stored year', async () => {
    const first = await seedCalendars({ db, clock }, { region: '439901' });
    expect(first).toEqual(Array.from({ length: LAST_LIBRARY_YEAR - FIRST_LIBRARY_YEAR + 1 }, (_, i) => FIRST_LIBRARY_YEAR + i));
    expect(await seedCalendars({ db, clock }, { region: '439901' })).toEqual([]);
    await db.query(`UPDATE calendar_years SET source = '手工修订' WHERE region = 'CN' AND year = 2004`);
    await db.query(`DELETE FROM calendar_years WHERE region = 'CN' AND year = 2005`);
    expect(await seedCalendars({ db, clock }, { region: '439901' })).toEqual([2005]);
    const kept = await db.query<{ source: string }>(`SELECT source FROM calendar_years WHERE region = 'CN' AND year = 2004`);
    expect(kept.rows[0]?.source).toBe('手工修订');
  });

  it('matches the State Council notices for 2024–2026 date for date', async () => {
    for (const notice of stateCouncilNotices) {
      const year = await getCalendarYear({ db }, { actor: user('legal') }, { region: 'CN', year: notice.year });
      expect(dates(year.holidays), String(notice.year)).toEqual(dates(notice.holidays));
      expect(dates(year.workdays), String(notice.year)).toEqual(dates(notice.workdays));
      expect(year.updatedBy).toBe('system');
    }
  });

  it('answers over 2004–2026: the worked example, and a 2027 date as provisional', async () => {
    const answer = await computeDeadline({ db }, sysadmin, { region: '439901', from: '2025-09-26', days: 5, unit: 'workday' });
    expect(answer).toMatchObject({ due: '2025-10-10', provisional: false });
    const later = await computeDeadline({ db }, sysadmin, { region: 'CN', from: '2026-12-28', days: 5, unit: 'workday' });
    expect(later.provisional).toBe(true);
    const calendar = await loadWorkCalendar({ db }, 'CN');
    expect(calendar.years).toHaveLength(LAST_LIBRARY_YEAR - FIRST_LIBRARY_YEAR + 1);
    // Over the last COMPARED_YEARS years of the 23 it holds, compareDurations agrees with trying every start day.
    const periods = [
      [
        { value: 5, unit: 'workday' },
        { value: 14, unit: 'day' },
      ],
      [
        { value: 5, unit: 'workday' },
        { value: 15, unit: 'day' },
      ],
      [
        { value: 16, unit: 'workday' },
        { value: 1, unit: 'month' },
      ],
      [
        { value: 7, unit: 'day' },
        { value: 5, unit: 'workday' },
      ],
    ] as const;
    for (const [a, b] of periods) {
      let exceeds = false;
      for (let at = Date.UTC(2027 - COMPARED_YEARS, 0, 1); at <= Date.UTC(2026, 11, 31) && !exceeds; at += 86_400_000) {
        const from = new Date(at).toISOString().slice(0, 10);
        const [aEnds, bEnds] = [calendar.addDuration(from, a), calendar.addDuration(from, b)];
        exceeds = !aEnds.provisional && !bEnds.provisional && aEnds.due > bEnds.due;
      }
      expect(compareDurations(a, b, calendar), JSON.stringify([a, b])).toMatchObject({
        exceeds,
        years: { from: 2027 - COMPARED_YEARS, to: 2026 },
      });
    }
  });
});

describe('a locality', () => {
  it('inherits the national year and adds its own days over it', async () => {
    const inherited = await getCalendarYear({ db }, sysadmin, { region: '439901', year: 2025 });
    expect(inherited).toMatchObject({ parent: 'CN', source: expect.stringContaining('2025') });
    expect(inherited.layers.map((layer) => layer.region)).toEqual(['CN']);

    const saved = await putCalendarYear({ db, clock }, sysadmin, {
      region: '439901',
      year: 2025,
      body: {
        holidays: [{ date: '2025-04-01', name: '三月三' }],
        workdays: [{ date: '2025-04-12', name: '三月三' }],
        source: '某州政办发〔2025〕1号',
      },
    });
    expect(saved.source).toBe('某州政办发〔2025〕1号');
    expect(saved.layers.map((layer) => layer.region)).toEqual(['CN', '439901']);
    expect(saved.holidays.find((day) => day.date === '2025-04-01')).toEqual({
      date: '2025-04-01',
      name: '三月三',
      region: '439901',
    });
    expect(saved.holidays.find((day) => day.date === '2025-10-08')?.region).toBe('CN');

    const local = await loadWorkCalendar({ db }, '439901');
    expect(local.isWorkday('2025-04-01')).toBe(false);
    expect(local.isWorkday('2025-04-12')).toBe(true);
    expect((await loadWorkCalendar({ db }, 'CN')).isWorkday('2025-04-01')).toBe(true);

    const audit = await listAudit({ db }, sysadmin, { targetType: 'calendar' });
    expect(audit[0]).toMatchObject({ action: 'calendar.update', targetId: '439901/2025', username: 'sysadmin-tester' });
  });

  it('cannot get a year before the national one exists', async () => {
    await expect(
      putCalendarYear({ db, clock }, sysadmin, {
        region: '439901',
        year: 2027,
        body: { holidays: [], workdays: [], source: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'CALENDAR_NOT_FOUND' });
    expect((await db.query(`SELECT 1 FROM calendar_years WHERE year = 2027`)).rowCount).toBe(0);
  });

  it('is refused to anyone but the system administrator, before anything is checked', async () => {
    await expect(
      putCalendarYear(
        { db, clock },
        { actor: user('legal') },
        { region: 'CN', year: 2025, body: { holidays: [], workdays: [], source: '' } },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the expiry guard', () => {
  it('warns from November when next year is missing, and not once it is entered', async () => {
    expect(await calendarWarnings({ db, clock: fixedClock('2026-10-31T12:00:00Z') }, { region: '439901' })).toEqual([]);
    const warnings = await calendarWarnings({ db, clock }, { region: '439901' });
    expect(warnings).toEqual([{ code: 'calendar.next_year_missing', message: expect.stringContaining('2027') }]);
    await putCalendarYear({ db, clock }, sysadmin, {
      region: 'CN',
      year: 2027,
      body: { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [], source: '国办发明电〔2026〕测试号' },
    });
    expect(await calendarWarnings({ db, clock }, { region: '439901' })).toEqual([]);
    const answer = await computeDeadline({ db }, sysadmin, { region: '439901', from: '2026-12-28', days: 5, unit: 'workday' });
    expect(answer).toMatchObject({ due: '2027-01-05', provisional: false });
  });
});
