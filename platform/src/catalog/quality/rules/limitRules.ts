import { checkInstantPromise, checkLimitUnits, checkPromiseWithinStatute } from '../../rules';
import { sharedRule } from '../QualityRule';

export const limitPromiseExceedsStatutory = sharedRule(
  { id: 'limit.promise_exceeds_statutory', title: '承诺时限超过法定时限', severity: 'error' },
  checkPromiseWithinStatute,
);

export const limitInstantNonzero = sharedRule(
  { id: 'limit.instant_nonzero', title: '即办件承诺时限不为 0', severity: 'error' },
  checkInstantPromise,
);

export const limitUnitMissing = sharedRule(
  { id: 'limit.unit_missing', title: '时限缺少单位', severity: 'warning' },
  checkLimitUnits,
);
