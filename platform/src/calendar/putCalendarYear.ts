import { checkCalendarYear, type CalendarDay } from '@matterflow/schemas';
import { recordAudit } from '../audit';
import { fail, inTransaction, requireRole, type Call, type Clock, type Db } from '../kernel';
import { ensureRegion, listStoredYears, storedYearNumbers, upsertYear } from './calendarStore';
import { type CalendarYearView, viewOfYear } from './calendarYearView';
import { readRegionCalendar } from './effectiveCalendar';
import { forgetWorkCalendars } from './loadWorkCalendar';

export interface CalendarYearInput {
  holidays: CalendarDay[];
  workdays: CalendarDay[];
  source: string;
}

/**
 * Stores a region's own adjustments for a year (sysadmin only): for 'CN' the State Council notice,
 * for a locality what its own notice adds (after the national year is stored). A locality not yet
 * known is registered under 'CN'.
 * Audited in the same transaction; every cached calendar is rebuilt afterwards.
 */
export async function putCalendarYear(
  deps: { db: Db; clock: Clock },
  call: Call,
  input: { region: string; year: number; body: CalendarYearInput },
): Promise<CalendarYearView> {
  requireRole(call.actor, ['sysadmin']);
  const { region, year, body } = input;
  const issues = checkCalendarYear(year, body);
  if (issues.length > 0) throw fail('CALENDAR_INVALID', issues);
  const username = call.actor.username;
  const view = await inTransaction(deps.db, call, async (tx) => {
    if (region !== 'CN') {
      // A locality's adjustments sit on the national calendar: without it the year would be wrong.
      if (!(await storedYearNumbers(tx, 'CN')).includes(year))
        throw fail(
          'CALENDAR_NOT_FOUND',
          { region: 'CN', year, years: await storedYearNumbers(tx, 'CN') },
          `请先录入全国 ${year} 年的节假日安排（CN），再录入 ${region} 的调整`,
        );
      await ensureRegion(tx, region);
    }
    const before = (await listStoredYears(tx, [region])).find((stored) => stored.year === year);
    await upsertYear(tx, {
      region,
      year,
      holidays: body.holidays,
      workdays: body.workdays,
      source: body.source.trim(),
      updatedBy: username,
      updatedAt: deps.clock.now().toISOString(),
    });
    await recordAudit(
      deps,
      { ...call, tx },
      {
        action: 'calendar.update',
        targetType: 'calendar',
        targetId: `${region}/${year}`,
        details: {
          source: body.source.trim(),
          holidays: body.holidays.map((day) => day.date),
          workdays: body.workdays.map((day) => day.date),
          ...(before
            ? {
                previous: {
                  source: before.source,
                  holidays: before.holidays.map((day) => day.date),
                  workdays: before.workdays.map((day) => day.date),
                },
              }
            : {}),
        },
      },
    );
    return viewOfYear(await readRegionCalendar(tx, region), year);
  });
  forgetWorkCalendars(deps);
  return view;
}
