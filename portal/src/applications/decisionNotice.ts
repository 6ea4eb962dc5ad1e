import { decisionWords, type DecisionWords } from '@matterflow/schemas';
import type { Application } from '../api/intakeApi';
import type { CaseProgress } from './caseApi';

/** What the 行政许可决定书 says, from the applicant's reads (the application and the case's progress). */
export interface DecisionNotice extends DecisionWords {
  issuer: string;
  caseNumber: string;
  matterName: string;
  applicantName: string;
  decidedOn: string;
}

/**
 * The decision in the window's words (`decisionWords`), or undefined while there is none. The
 * applicant's reads carry no department short name nor the matter's remedy bodies: those only
 * matter for decisions from before the register and the stored remedies.
 */
export function decisionNotice(
  application: Pick<Application, 'number' | 'matterName' | 'departmentName' | 'applicant' | 'receivedOn'>,
  progress: Pick<CaseProgress, 'decision'>,
): DecisionNotice | undefined {
  const decision = progress.decision;
  if (!decision) return undefined;
  const facts = {
    issuer: application.departmentName ?? '云溪县人民政府政务服务中心',
    caseNumber: application.number,
    matterName: application.matterName,
    applicantName: application.applicant.name,
  };
  return {
    ...facts,
    ...decisionWords({ ...facts, receivedOn: application.receivedOn, decision }),
    decidedOn: decision.decidedOn,
  };
}
