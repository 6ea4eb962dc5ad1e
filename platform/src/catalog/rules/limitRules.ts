import { asList, asNumber, asObject, asText, at, formatDuration, type FieldIssue } from '@matterflow/schemas';
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

/** A month counts as 30 days, the usual reading of 月 in administrative practice; only used across units. */
const DAYS_PER_MONTH = 30;

/**
 * Whether the promise certainly exceeds the statutory limit (行政许可法 第42条: the promise may only
 * shorten the statutory period). Only certain excesses are reported:
 * - same unit: compare values;
 * - promised 工作日 vs statutory 自然日: N working days never span fewer than N days, so N > M exceeds;
 *   N ≤ M is accepted (whether N working days fit in M days depends on the holiday calendar);
 * - 月 against 日/工作日: the month side becomes 30 days, then the rule above applies;
 * - promised 自然日 (or 月) vs statutory 工作日: N days contain at most N working days, so this is
 *   never certainly longer without the calendar and is not reported.
 */
export function exceedsStatutory({ promised, statutory }: { promised: TimeLimit; statutory: TimeLimit }): boolean {
  const toDays = (limit: TimeLimit): { value: number; unit: 'workday' | 'day' } =>
    limit.unit === 'month'
      ? { value: limit.value * DAYS_PER_MONTH, unit: 'day' }
      : { value: limit.value, unit: limit.unit ?? 'workday' };
  if (promised.unit === statutory.unit) return promised.value > statutory.value;
  const p = toDays(promised);
  const s = toDays(statutory);
  if (p.unit === s.unit) return p.value > s.value;
  return p.unit === 'workday' && s.unit === 'day' && p.value > s.value;
}

/** `limit.promise_exceeds_statutory`: the promised 办结时限 certainly longer than the statutory one. */
export function checkPromiseWithinStatute(document: unknown): FieldIssue[] {
  const statutory = readTimeLimit(at(document, 'timeLimits', 'statutory'));
  const promised = readTimeLimit(at(document, 'timeLimits', 'promised'));
  // Without both units a comparison would rest on a guess; limit.unit_missing is reported instead.
  if (!statutory?.unit || !promised?.unit || !exceedsStatutory({ promised, statutory })) return [];
  return [
    {
      pointer: '/timeLimits/promised/value',
      code: 'limit.promise_exceeds_statutory',
      message: `承诺办结时限 ${formatDuration(promised)}，超过法定办结时限 ${formatDuration(statutory)}`,
    },
  ];
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
