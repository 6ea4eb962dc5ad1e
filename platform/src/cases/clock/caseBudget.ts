import type { Period, TimeLimits } from '@matterflow/schemas';

/**
 * The budget a case runs on: the 办理情形's own limit when the applicant's situation sets one, else
 * the matter's — the promised limit (承诺时限, what the centre answers for) before the statutory one.
 * Undefined when neither states a limit (法律未规定): such a case has no clock to warn on.
 */
export function caseBudget(matter: TimeLimits | undefined, situation?: TimeLimits): Period | undefined {
  for (const limits of [situation, matter]) {
    const promised = limits?.promised;
    if (promised) return { value: promised.value, unit: promised.unit ?? 'workday' };
    const statutory = limits?.statutory;
    if (statutory && !statutory.unspecified && statutory.value !== undefined)
      return { value: statutory.value, unit: statutory.unit ?? 'workday' };
  }
  return undefined;
}
