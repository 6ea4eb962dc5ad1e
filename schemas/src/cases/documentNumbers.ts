/**
 * The notices that take a 文号 from the register (docs/cases.md "文号", ADR 022), and the word each
 * one's number carries after the department's short name. The 材料接收凭证 keeps the case number.
 */
export const DOCUMENT_KINDS = ['acceptance', 'refusal', 'supplement', 'approval', 'denial'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_WORDS: Record<DocumentKind, string> = {
  acceptance: '受字',
  refusal: '不受字',
  supplement: '补字',
  approval: '许字',
  denial: '不许字',
};

/** One 文号 the register issued for a case. */
export interface CaseDocument {
  kind: DocumentKind;
  /** The whole 文号, e.g. 县市监受字〔2026〕12号. */
  number: string;
  issuedOn: string;
}

/** A 文号 in the usual form: the issuer's prefix and the kind's word, the year in 〔〕, the serial. */
export const documentNumber = (prefix: string, kind: DocumentKind, year: number, serial: number): string =>
  `${prefix}${DOCUMENT_WORDS[kind]}〔${year}〕${serial}号`;

/** The latest 文号 of a kind the case holds (a second 补正 notice has its own). */
export const latestDocument = (documents: readonly CaseDocument[] | undefined, kind: DocumentKind): string | undefined =>
  documents?.filter((document) => document.kind === kind).at(-1)?.number;

/**
 * The 文号 of a notice the register does not number (材料接收凭证, 特别程序告知书) or of an act from
 * before it: the serial is the case number's last digits, unique too. `day` is the act's civil day.
 */
export const documentNumberOfCase = (prefix: string, word: string, day: string, caseNumber: string): string =>
  `${prefix}${word}〔${day.slice(0, 4)}〕第${caseNumber.slice(-6)}号`;
