import type { Application } from '../api/intakeApi';
import type { CaseProgress } from './caseApi';
import { dateText } from './eventKinds';

/** What the 行政许可决定书 says, from the applicant's reads (the application and the case's progress). */
export interface DecisionNotice {
  title: '准予行政许可决定书' | '不予行政许可决定书';
  issuer: string;
  /** 文号: the register's; on decisions from before it, the number the chief gave, else one made from the case number. */
  docNumber: string;
  caseNumber: string;
  matterName: string;
  applicantName: string;
  decidedOn: string;
  paragraphs: string[];
  remedies: string[];
}

/** The decision in the words of 行政许可法第三十八条, or undefined while there is none. */
export function decisionNotice(
  application: Pick<Application, 'number' | 'matterName' | 'departmentName' | 'applicant' | 'receivedOn'>,
  progress: Pick<CaseProgress, 'decision'>,
): DecisionNotice | undefined {
  const decision = progress.decision;
  if (!decision) return undefined;
  const isApproved = decision.outcome === 'approved';
  const issuer = application.departmentName ?? '云溪县人民政府政务服务中心';
  const word = isApproved ? '许字' : '不许字';
  const docNumber =
    decision.documentNumber ??
    decision.resultNumber ??
    `${issuer}${word}〔${decision.decidedOn.slice(0, 4)}〕第${application.number.slice(-6)}号`;
  const opening = `${application.applicant.name}：你（单位）于${dateText(application.receivedOn)}提出的${application.matterName}申请（办件编号 ${application.number}）`;
  const paragraphs = isApproved
    ? [
        `${opening}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。`,
        `准予许可的结果：${decision.resultName ?? '—'}${decision.resultNumber ? `（编号 ${decision.resultNumber}）` : ''}。`,
      ]
    : [
        `${opening}，经审查，${decision.reason ?? '不符合法定条件、标准'}。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。`,
      ];
  return {
    title: isApproved ? '准予行政许可决定书' : '不予行政许可决定书',
    issuer,
    docNumber,
    caseNumber: application.number,
    matterName: application.matterName,
    applicantName: application.applicant.name,
    decidedOn: decision.decidedOn,
    paragraphs,
    remedies: decision.remedies ? [decision.remedies.reconsideration, decision.remedies.litigation] : [],
  };
}
