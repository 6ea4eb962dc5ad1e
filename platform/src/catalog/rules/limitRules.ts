import {
  asList,
  asNumber,
  asObject,
  asText,
  at,
  compareDurations,
  describeExcess,
  formatDuration,
  WorkCalendar,
  type DurationComparison,
  type FieldIssue,
} from '@matterflow/schemas';
import type { TimeLimit, TimeUnit } from '../../flows';

const UNITS: readonly string[] = ['workday', 'day', 'month'];

/** A time limit if the value has a numeric `value`; the unit is kept only when it is a known one. */
export function readTimeLimit(value: unknown): TimeLimit | undefined {
  const limit = asObject(value);
  const amount = asNumber(limit?.value);
  if (!limit || amount === undefined) return undefined;
  const unit = asText(limit.unit);
  return UNITS.includes(unit ?? '') ? { value: amount, unit: unit as TimeUnit } : { value: amount };
}

/** No calendar given (a unit test, a check without the database): plain weeks, marked provisional by compareDurations. */
const PLAIN_WEEKS = new WorkCalendar([]);

/**
 * Whether `longer` can end after `shorter` when both start on the same day, on the calendar's worst
 * case over the years it knows (compareDurations, the one comparison of the whole platform): the
 * promise against the statute here, the flow's step budgets against the promise in flows/. A bare
 * number without a unit is not compared (limit.unit_missing says so instead).
 */
export function compareLimits(
  longer: TimeLimit,
  shorter: TimeLimit,
  calendar: WorkCalendar = PLAIN_WEEKS,
): DurationComparison | undefined {
  if (!longer.unit || !shorter.unit) return undefined;
  return compareDurations({ value: longer.value, unit: longer.unit }, { value: shorter.value, unit: shorter.unit }, calendar);
}

/** The limits of the matter and of each 办理情形 that has its own, with where they are. */
function limitSets(document: unknown): { base: string; statutory: unknown; promised: unknown; label: string }[] {
  const sets = [
    {
      base: '/timeLimits',
      statutory: at(document, 'timeLimits', 'statutory'),
      promised: at(document, 'timeLimits', 'promised'),
      label: '',
    },
  ];
  asList(at(document, 'situations')).forEach((situation, i) => {
    const own = asObject(at(situation, 'timeLimits'));
    if (!own) return;
    sets.push({
      base: `/situations/${i}/timeLimits`,
      // A situation without its own statutory limit keeps the matter's.
      statutory: own.statutory ?? at(document, 'timeLimits', 'statutory'),
      promised: own.promised,
      label: `办理情形“${asText(at(situation, 'name')) ?? i + 1}”的`,
    });
  });
  return sets;
}

/**
 * `limit.promise_exceeds_statutory`: 行政许可法 第42条 — the promise may only shorten the statutory
 * period, so a promise that can end after the statutory limit on some start day of the calendar
 * (6 working days against 7 日 across 国庆) exceeds it. Publishing and the quality report call this
 * one function with the same calendar.
 */
export function checkPromiseWithinStatute(document: unknown, calendar?: WorkCalendar): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const { base, statutory: rawStatutory, promised: rawPromised, label } of limitSets(document)) {
    const statutory = readTimeLimit(rawStatutory);
    const promised = readTimeLimit(rawPromised);
    if (!statutory || !promised) continue;
    const comparison = compareLimits(promised, statutory, calendar);
    if (!comparison?.exceeds) continue;
    issues.push({
      pointer: `${base}/promised/value`,
      code: 'limit.promise_exceeds_statutory',
      message:
        `${label}承诺办结时限 ${formatDuration(promised)}，超过法定办结时限 ${formatDuration(statutory)}` +
        describeExcess(comparison, { longer: '承诺时限', shorter: '法定时限', isSameUnit: promised.unit === statutory.unit }),
    });
  }
  return issues;
}

/** `limit.instant_nonzero`: 行政许可法 第34条 — a 即办件 (projectType 1) is decided on the spot, so it promises 0. */
export function checkInstantPromise(document: unknown): FieldIssue[] {
  const promised = readTimeLimit(at(document, 'timeLimits', 'promised'));
  if (at(document, 'projectType') !== '1' || !promised || promised.value === 0) return [];
  return [
    {
      pointer: '/timeLimits/promised/value',
      code: 'limit.instant_nonzero',
      message: `即办件应当场办结，承诺办结时限应为 0，当前为 ${formatDuration(promised)}`,
    },
  ];
}

/**
 * `limit.unit_missing`: 日 and 工作日 differ (行政许可法 第82条 counts in 工作日), so a bare number can
 * neither be compared nor clocked — for the 办结时限 and for each special procedure's 最长时限.
 */
export function checkLimitUnits(document: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const labels = { statutory: '法定办结时限', promised: '承诺办结时限' } as const;
  for (const key of ['statutory', 'promised'] as const) {
    const limit = asObject(at(document, 'timeLimits', key));
    // 法律未规定 has no number, so no unit either (the meta-schema refuses one).
    if (limit && limit.unspecified !== true && asText(limit.unit) === undefined) {
      issues.push({
        pointer: `/timeLimits/${key}/unit`,
        code: 'limit.unit_missing',
        message: `${labels[key]}未注明单位（工作日、自然日或月）`,
      });
    }
  }
  asList(at(document, 'specialProcedures')).forEach((procedure, i) => {
    if (asNumber(at(procedure, 'maxDays')) === undefined || asText(at(procedure, 'unit')) !== undefined) return;
    issues.push({
      pointer: `/specialProcedures/${i}/unit`,
      code: 'limit.unit_missing',
      message: `特别程序“${asText(at(procedure, 'name')) ?? i + 1}”的最长时限未注明单位（工作日、自然日或月）`,
    });
  });
  return issues;
}
