import type { MatterDocument, Situation, WorkCalendar } from '@matterflow/schemas';
import type { CaseDecision } from '../Case';

/**
 * The remedies a 不予 decision states (行政许可法第三十八条: 说明理由，并告知申请人享有依法申请
 * 行政复议或者提起行政诉讼的权利). The periods are the law's (行政复议法第二十条: 六十日; 行政诉讼法
 * 第四十六条: 六个月), not the matter's, so no matter text can shorten them; the bodies are the
 * matter's, or the law's general wording when the matter names none.
 */
export function remediesOf(document: MatterDocument): NonNullable<CaseDecision['remedies']> {
  const reconsideration = document.remedies?.reconsideration?.body ?? '本机关的上一级主管部门或者本级人民政府';
  const litigation = document.remedies?.litigation?.body ?? '有管辖权的人民法院';
  return {
    reconsideration: `如不服本决定，可以自收到本决定书之日起六十日内向${reconsideration}申请行政复议。`,
    litigation: `也可以自收到本决定书之日起六个月内向${litigation}提起行政诉讼。`,
  };
}

export function approvalOf(
  document: MatterDocument,
  {
    resultName,
    resultNumber,
    decidedOn,
    decidedBy,
  }: { resultName?: string; resultNumber: string | null; decidedOn: string; decidedBy: string },
): CaseDecision {
  return {
    outcome: 'approved',
    resultName: resultName ?? document.result?.name ?? null,
    resultNumber,
    reason: null,
    remedies: null,
    decidedOn,
    decidedBy,
  };
}

export function denialOf(
  document: MatterDocument,
  { reason, decidedOn, decidedBy }: { reason: string; decidedOn: string; decidedBy: string },
): CaseDecision {
  return {
    outcome: 'denied',
    resultName: null,
    resultNumber: null,
    reason,
    remedies: remediesOf(document),
    decidedOn,
    decidedBy,
  };
}

/**
 * 告知承诺: an approval on the applicant's commitment is checked afterwards (事后核查) within the
 * commitment's period — the applying 办理情形's commitment first, else the matter's. Undefined when
 * neither applies.
 */
export function verificationDue(
  calendar: WorkCalendar,
  document: MatterDocument,
  situations: readonly Situation[],
  decidedOn: string,
): { due: string; method: string } | undefined {
  const commitment = situations.find((situation) => situation.commitment)?.commitment ?? document.commitment;
  if (!commitment) return undefined;
  const { period, method } = commitment.verification;
  return { due: calendar.addDuration(decidedOn, { value: period.value, unit: period.unit ?? 'day' }).due, method };
}
