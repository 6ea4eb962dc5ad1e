import { perMatterRule } from '../QualityRule';
import { at, asNumber, asObject, asText } from '@matterflow/schemas';

/**
 * Approximate calendar days, only to compare limits given in different units: five working days
 * take at least a week, a month about thirty days.
 */
const APPROX_DAYS: Readonly<Record<string, number>> = { workday: 7 / 5, day: 1, month: 30 };
const UNIT_NAMES: Readonly<Record<string, string>> = { workday: '个工作日', day: '日', month: '个月' };

function describe(value: number, unit: string): string {
  return `${value}${UNIT_NAMES[unit] ?? unit}`;
}

export const limitPromiseExceedsStatutory = perMatterRule(
  { id: 'limit.promise_exceeds_statutory', title: '承诺时限超过法定时限', severity: 'error' },
  (matter, report) => {
    const statutory = asObject(at(matter.document, 'timeLimits', 'statutory'));
    const promised = asObject(at(matter.document, 'timeLimits', 'promised'));
    const statutoryValue = asNumber(statutory?.value);
    const promisedValue = asNumber(promised?.value);
    if (statutoryValue === undefined || promisedValue === undefined) return;
    // A missing unit is reported by limit.unit_missing; 工作日 is the documented default.
    const statutoryUnit = asText(statutory?.unit) ?? 'workday';
    const promisedUnit = asText(promised?.unit) ?? 'workday';
    const exceeds =
      statutoryUnit === promisedUnit
        ? promisedValue > statutoryValue
        : promisedValue * (APPROX_DAYS[promisedUnit] ?? 1) > statutoryValue * (APPROX_DAYS[statutoryUnit] ?? 1);
    if (exceeds) {
      report(
        '/timeLimits/promised/value',
        `承诺办结时限 ${describe(promisedValue, promisedUnit)} 超过法定办结时限 ${describe(statutoryValue, statutoryUnit)}`,
      );
    }
  },
);

export const limitInstantNonzero = perMatterRule(
  { id: 'limit.instant_nonzero', title: '即办件承诺时限不为 0', severity: 'error' },
  (matter, report) => {
    if (at(matter.document, 'projectType') !== '1') return;
    const promised = asNumber(at(matter.document, 'timeLimits', 'promised', 'value'));
    if (promised !== undefined && promised > 0)
      report('/timeLimits/promised/value', `即办件应当场办结，承诺办结时限应为 0，现为 ${promised}`);
  },
);

export const limitUnitMissing = perMatterRule(
  { id: 'limit.unit_missing', title: '时限缺少单位', severity: 'warning' },
  (matter, report) => {
    for (const [key, label] of [
      ['statutory', '法定办结时限'],
      ['promised', '承诺办结时限'],
    ] as const) {
      const limit = asObject(at(matter.document, 'timeLimits', key));
      if (limit && asNumber(limit.value) !== undefined && !asText(limit.unit))
        report(`/timeLimits/${key}/unit`, `${label}未写明单位（工作日或自然日）`);
    }
    const procedures = at(matter.document, 'specialProcedures');
    if (!Array.isArray(procedures)) return;
    procedures.forEach((procedure, i) => {
      if (asNumber(at(procedure, 'maxDays')) !== undefined && !asText(at(procedure, 'unit'))) {
        report(`/specialProcedures/${i}/unit`, `特别程序“${asText(at(procedure, 'name')) ?? ''}”的最长时限未写明单位`);
      }
    });
  },
);
