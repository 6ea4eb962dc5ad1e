import { asList, asNumber, asObject, asText, at } from '@matterflow/schemas';
import { checkInstantPromise, checkLimitUnits, checkPromiseWithinStatute } from '../../rules';
import { checkFlowBudget } from '../../checks';
import { perMatterRule, sharedRule } from '../QualityRule';

export const limitPromiseExceedsStatutory = sharedRule(
  { id: 'limit.promise_exceeds_statutory', title: '承诺时限超过法定时限', severity: 'error' },
  (document, { calendar }) => checkPromiseWithinStatute(document, calendar),
);

/** The same check as publishing (checks/checkFlowBudget): Σ step budgets on the longest path on the calendar. */
export const flowBudgetExceedsPromise = sharedRule(
  { id: 'flow.budget_exceeds_promise', title: '环节时限合计超过承诺时限', severity: 'error' },
  (document, { calendar, knownDepartments }) => checkFlowBudget(document, { calendar, knownDepartments }),
);

export const limitInstantNonzero = sharedRule(
  { id: 'limit.instant_nonzero', title: '即办件承诺时限不为 0', severity: 'error' },
  checkInstantPromise,
);

export const limitUnitMissing = sharedRule(
  { id: 'limit.unit_missing', title: '时限缺少单位', severity: 'warning' },
  checkLimitUnits,
);

/**
 * No time limit at all: 行政许可法 第三十条 publishes the 期限 and 第四十二条 bounds it, and the case
 * clock needs one. 法律未规定 (`unspecified`) is a stated limit, not a missing one.
 */
export const limitMissing = perMatterRule(
  { id: 'limit.missing', title: '未填写任何办理时限', severity: 'error' },
  (matter, report) => {
    const limits = asObject(at(matter.document, 'timeLimits'));
    if (asObject(limits?.statutory) || asObject(limits?.promised)) return;
    report('/timeLimits', '未填写法定办结时限和承诺办结时限（法律未规定的，应注明“法律未规定”）');
  },
);

/** A 承诺件 is by definition not finished on the spot: promising 0 means it is a 即办件, or the promise is wrong. */
export const limitCommitmentZero = perMatterRule(
  { id: 'limit.commitment_zero', title: '承诺件承诺时限为 0', severity: 'error' },
  (matter, report) => {
    const { document } = matter;
    const check = (projectType: unknown, promised: unknown, pointer: string, label: string) => {
      if (projectType === '2' && asNumber(at(promised, 'value')) === 0)
        report(pointer, `${label}为承诺件，承诺办结时限却为 0；当场办结的应为即办件`);
    };
    check(at(document, 'projectType'), at(document, 'timeLimits', 'promised'), '/timeLimits/promised/value', '本事项');
    asList(at(document, 'situations')).forEach((situation, i) => {
      const projectType = at(situation, 'projectType') ?? at(document, 'projectType');
      const own = at(situation, 'timeLimits', 'promised');
      if (own === undefined) return;
      check(
        projectType,
        own,
        `/situations/${i}/timeLimits/promised/value`,
        `办理情形“${asText(at(situation, 'name')) ?? i + 1}”`,
      );
    });
  },
);

/**
 * 行政许可法 第四十五条: time for 听证、检验、检测、鉴定、专家评审 does not count, and the applicant is told
 * in writing how long it takes. A procedure without a 最长时限 stops the clock without end.
 */
export const procedureUnbounded = perMatterRule(
  { id: 'procedure.unbounded', title: '特别程序没有最长时限', severity: 'warning' },
  (matter, report) => {
    asList(at(matter.document, 'specialProcedures')).forEach((procedure, i) => {
      if (asNumber(at(procedure, 'maxDays')) !== undefined) return;
      report(
        `/specialProcedures/${i}/maxDays`,
        `特别程序“${asText(at(procedure, 'name')) ?? i + 1}”没有最长时限，暂停计时将没有期限`,
      );
    });
  },
);
