import { remediesWords, type MatterDocument, type Situation, type WorkCalendar } from '@matterflow/schemas';
import type { CaseDecision } from '../Case';

/**
 * The remedies a 不予 decision states (行政许可法第三十八条: 说明理由，并告知申请人享有依法申请
 * 行政复议或者提起行政诉讼的权利). The periods are the law's (行政复议法第二十条: 六十日; 行政诉讼法
 * 第四十六条: 六个月), not the matter's, so no matter text can shorten them; the bodies are the
 * matter's (with their addresses), or the law's general wording when the matter names none.
 */
export function remediesOf(document: MatterDocument): NonNullable<CaseDecision['remedies']> {
  // The words are the notices' own (remediesWords), so what is stored is what both apps print.
  const [reconsideration = '', litigation = ''] = remediesWords(document.remedies);
  return { reconsideration, litigation };
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
