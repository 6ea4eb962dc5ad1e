import type { MatterDocument } from '../generated/MatterDocument';
import { DOCUMENT_WORDS, documentNumberOfCase } from './documentNumbers';
import { noticeOpening, type NoticeAddressee } from './noticeOpening';
import { remediesWords } from './remediesWords';

export type DecisionOutcome = 'approved' | 'denied';

/** What the 行政许可决定书 is worded from: plain data either app maps from its own reads. */
export interface DecisionFacts extends NoticeAddressee {
  /** The deciding department's name. */
  issuer: string;
  /** Its short name, the prefix of a 文号 made from the case number; the full name when it has none. */
  shortName?: string | null;
  decision: {
    outcome: DecisionOutcome;
    decidedOn: string;
    reason: string | null;
    resultName: string | null;
    /** The result's own number as the chief typed it (a licence's 证照编号). */
    resultNumber: string | null;
    /** The 文号 the register issued for the decision. */
    documentNumber?: string | null;
    /** The remedies as the decision stated them when it was made. */
    remedies: { reconsideration: string; litigation: string } | null;
  };
  /** The matter's remedy bodies, worded for a 不予 that stored no remedies of its own. */
  remedyBodies?: MatterDocument['remedies'];
}

export interface DecisionWords {
  title: '准予行政许可决定书' | '不予行政许可决定书';
  docNumber: string;
  /** The first opens with the addressee's line (up to its "\n"). */
  paragraphs: string[];
  /** Only a 不予 states them. */
  remedies: string[];
}

export const decisionTitle = (outcome: DecisionOutcome): DecisionWords['title'] =>
  outcome === 'denied' ? '不予行政许可决定书' : '准予行政许可决定书';

/**
 * The decision in the words of 行政许可法第三十八条, one wording for the window's print and the
 * applicant's download, so the two never tell the applicant different things. The 文号 is the
 * register's; on decisions from before it, the number the chief gave, else one from the case number.
 */
export function decisionWords(facts: DecisionFacts): DecisionWords {
  const { decision } = facts;
  const isApproved = decision.outcome === 'approved';
  const word = DOCUMENT_WORDS[isApproved ? 'approval' : 'denial'];
  const docNumber =
    decision.documentNumber ??
    decision.resultNumber ??
    documentNumberOfCase(facts.shortName ?? facts.issuer, word, decision.decidedOn, facts.caseNumber);
  const opening = noticeOpening(facts);
  if (isApproved)
    return {
      title: decisionTitle(decision.outcome),
      docNumber,
      paragraphs: [
        `${opening}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。`,
        `准予许可的结果：${decision.resultName ?? '—'}${decision.resultNumber ? `（编号 ${decision.resultNumber}）` : ''}。`,
      ],
      remedies: [],
    };
  return {
    title: decisionTitle(decision.outcome),
    docNumber,
    paragraphs: [
      `${opening}，经审查，${decision.reason ?? '不符合法定条件、标准'}。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。`,
    ],
    remedies: decision.remedies
      ? [decision.remedies.reconsideration, decision.remedies.litigation]
      : remediesWords(facts.remedyBodies),
  };
}
