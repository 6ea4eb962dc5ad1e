import { asNumber, asObject, asString, formatDuration, type FieldIssue, type JsonObject } from '@matterflow/schemas';
import type { TimeLimit, TimeUnit } from '../../flows';

const UNITS: readonly string[] = ['workday', 'day', 'month'];

/** A time limit if the value has a numeric `value`; the unit is kept only when it is a known one. */
export function readTimeLimit(value: unknown): TimeLimit | undefined {
  const limit = asObject(value);
  const amount = asNumber(limit?.value);
  if (!limit || amount === undefined) return undefined;
  const unit = asString(limit.unit);
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

/** 法定/承诺办结时限: both present with units, the promise within the statute, 即办件 promised 0. */
export function checkTimeLimits(document: JsonObject): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const limits = asObject(document.timeLimits);
  const labels = { statutory: '法定办结时限', promised: '承诺办结时限' } as const;
  for (const key of ['statutory', 'promised'] as const) {
    const limit = asObject(limits?.[key]);
    if (!limit) {
      issues.push({ pointer: `/timeLimits/${key}`, code: 'publish.time_limits_missing', message: `缺少${labels[key]}` });
    } else if (limit.unit === undefined) {
      issues.push({
        pointer: `/timeLimits/${key}/unit`,
        code: 'publish.unit_missing',
        message: `${labels[key]}未注明单位（工作日、自然日或月）`,
      });
    }
  }

  const statutory = readTimeLimit(limits?.statutory);
  const promised = readTimeLimit(limits?.promised);
  const hasBothUnits =
    asString(asObject(limits?.statutory)?.unit) !== undefined && asString(asObject(limits?.promised)?.unit) !== undefined;
  // Without both units a comparison would rest on a guess; unit_missing is reported instead.
  if (statutory && promised && hasBothUnits && exceedsStatutory({ promised, statutory })) {
    issues.push({
      pointer: '/timeLimits/promised/value',
      code: 'publish.promise_exceeds_statutory',
      message: `承诺办结时限 ${formatDuration(promised)}，超过法定办结时限 ${formatDuration(statutory)}`,
    });
  }

  const projectType = asString(document.projectType);
  if (projectType === '1' && promised && promised.value !== 0) {
    issues.push({
      pointer: '/timeLimits/promised/value',
      code: 'publish.instant_nonzero',
      message: `即办件应当场办结，承诺办结时限应为 0，当前为 ${formatDuration(promised)}`,
    });
  }
  if (projectType === undefined) {
    issues.push({ pointer: '/projectType', code: 'publish.project_type_missing', message: '缺少办件类型（即办件或承诺件）' });
  }
  return issues;
}
