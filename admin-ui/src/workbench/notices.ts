import {
  DOCUMENT_KINDS,
  DOCUMENT_WORDS,
  decisionTitle,
  decisionWords,
  documentNumberOfCase,
  latestDocument,
  noticeOpening,
  remediesWords,
  type MatterDocument,
} from '@matterflow/schemas';
import type { CaseEvent, CaseFile, SupplementItem } from './caseTypes';
import { chineseDate, REFUSAL_REASONS, shanghaiDateOf, type RefusalReason } from './caseWords';
import { formFieldChoices } from './formEntries';

/** The notices a window prints (one A4 page each). */
export const NOTICE_KINDS = ['receipt', 'acceptance', 'supplement', 'specialProcedure', 'refusal', 'decision'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const isNoticeKind = (value: string | undefined): value is NoticeKind => NOTICE_KINDS.includes(value as NoticeKind);

/** What every notice carries, then its own paragraphs and lists. */
export interface Notice {
  kind: NoticeKind;
  title: string;
  /** 文号. */
  docNumber: string;
  caseNumber: string;
  matterName: string;
  applicantName: string;
  /** The civil day of the act the notice records, in words. */
  date: string;
  issuer: string;
  paragraphs: string[];
  /** A table: its head and rows (the materials received, the items to supply). */
  table?: { head: string[]; rows: string[][] };
  /** What follows the table (what the applicant is to do with it). */
  closing?: string[];
  /** The applicant's remedies, where the notice refuses something. */
  remedies?: string[];
}

const latest = (events: readonly CaseEvent[], type: string) => events.filter((event) => event.type === type).at(-1);

/**
 * The 文号 the server's register issued for the act (docs/cases.md "文号"); notices it does not
 * number and acts from before it take one from the case number.
 */
function docNumber(file: CaseFile, word: string, day: string, shortName: string | null): string {
  const kind = DOCUMENT_KINDS.find((candidate) => DOCUMENT_WORDS[candidate] === word);
  const issued = kind ? latestDocument(file.case.documents, kind) : undefined;
  return issued ?? documentNumberOfCase(shortName ?? file.application.departmentName, word, day, file.case.number);
}

/** A 补正 item in words: the material's name or the field's title, as the version names them. */
export function itemName(document: MatterDocument, item: SupplementItem): string {
  if (item.kind === 'material') return document.materials?.find((m) => m.id === item.materialId)?.name ?? item.materialId;
  return formFieldChoices(document.form).find((f) => f.pointer === item.pointer)?.label ?? item.pointer;
}

/** Which notices this case has: each exists once the act it records has happened. */
export function availableNotices(file: CaseFile): NoticeKind[] {
  const kinds: NoticeKind[] = ['receipt'];
  if (file.case.acceptedOn && file.case.status !== 'refused') kinds.push('acceptance');
  if (latest(file.events, 'case_supplement_requested')) kinds.push('supplement');
  if (latest(file.events, 'case_procedure_started')) kinds.push('specialProcedure');
  if (latest(file.events, 'case_refused')) kinds.push('refusal');
  if (file.case.decision) kinds.push('decision');
  return kinds;
}

export const NOTICE_TITLES: Record<NoticeKind, string> = {
  receipt: '材料接收凭证',
  acceptance: '受理通知书',
  supplement: '一次性告知书',
  specialProcedure: '特别程序告知书',
  refusal: '不予受理决定书',
  decision: '行政许可决定书',
};

/** A notice's name for this case: the decision says which it is. */
export function noticeTitle(file: CaseFile, kind: NoticeKind): string {
  return kind === 'decision' && file.case.decision ? decisionTitle(file.case.decision.outcome) : NOTICE_TITLES[kind];
}

/** The notice's content from the case, or undefined when the case has no such act to record. */
export function buildNotice(file: CaseFile, kind: NoticeKind, shortName: string | null): Notice | undefined {
  const { application, document } = file;
  const sheet = (title: string, day: string, number: string) => ({
    kind,
    title,
    docNumber: number,
    caseNumber: file.case.number,
    matterName: application.matterName,
    applicantName: application.applicant.name,
    date: chineseDate(day),
    issuer: application.departmentName,
  });
  const base = (title: string, word: string, day: string) => sheet(title, day, docNumber(file, word, day, shortName));
  const addressee = {
    applicantName: application.applicant.name,
    matterName: application.matterName,
    caseNumber: file.case.number,
    receivedOn: application.receivedOn,
  };
  const opening = noticeOpening(addressee);
  switch (kind) {
    case 'receipt':
      return {
        ...base('材料接收凭证', '收字', application.receivedOn),
        paragraphs: [`${opening}，本机关已收到下列申请材料。本凭证仅证明材料已接收，不代表申请已受理。`],
        table: {
          head: ['序号', '材料名称', '份数', '电子文件'],
          rows: application.materials.map((m, n) => [
            String(n + 1),
            m.name,
            m.copies === null ? '—' : String(m.copies),
            m.files.length === 0 ? '—' : m.files.map((f) => f.name).join('、'),
          ]),
        },
      };
    case 'acceptance': {
      const acceptedOn = file.case.acceptedOn;
      if (!acceptedOn) return undefined;
      const due = file.case.clock ? `，承诺于${chineseDate(file.case.clock.due)}前办结` : '';
      return {
        ...base('受理通知书', '受字', acceptedOn),
        paragraphs: [
          `${opening}，经审查，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理。`,
          `承诺办结时限：${application.promisedLimit ?? '依法定时限'}${due}。办理进度可凭办件编号在政务服务网查询。`,
        ],
      };
    }
    case 'supplement': {
      const event = latest(file.events, 'case_supplement_requested');
      if (!event) return undefined;
      const items = (event.details.items as SupplementItem[] | undefined) ?? [];
      return {
        ...base('一次性告知书', '补字', shanghaiDateOf(event.at)),
        paragraphs: [
          `${opening}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下：`,
        ],
        closing: [`请按上述要求一次补正全部内容后重新提交。补正材料提交之日起，本机关依法作出是否受理的决定。`],
        table: {
          head: ['序号', '类别', '补正内容', '补正理由'],
          rows: items.map((item, n) => [
            String(n + 1),
            item.kind === 'material' ? '材料' : '表单',
            itemName(document, item),
            item.reason,
          ]),
        },
      };
    }
    case 'specialProcedure': {
      // The latest procedure started: the written notice 第四十五条 requires, in the clerk's words.
      const event = latest(file.events, 'case_procedure_started');
      if (!event) return undefined;
      const procedure = String(event.details.procedure ?? '');
      const from = typeof event.details.from === 'string' ? event.details.from : shanghaiDateOf(event.at);
      return {
        ...base('特别程序告知书', '特字', from),
        paragraphs: [
          `${opening}，本机关在审查中需进行${procedure}，自${chineseDate(from)}起进行。`,
          String(event.details.notice ?? ''),
        ],
        closing: [`${procedure}结束后，本机关将继续审查并依法作出决定。办理进度可凭办件编号在政务服务网查询。`],
      };
    }
    case 'refusal': {
      const event = latest(file.events, 'case_refused');
      if (!event) return undefined;
      const code = event.details.reasonCode as RefusalReason | undefined;
      const label = (event.details.reasonLabel as string | undefined) ?? (code ? REFUSAL_REASONS[code] : '');
      const text = event.details.reasonText as string | undefined;
      const body = event.details.competentBody as string | null | undefined;
      return {
        ...base('不予受理决定书', '不受字', shanghaiDateOf(event.at)),
        paragraphs: [
          `${opening}，经审查，${label}${text ? `：${text}` : ''}。根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。`,
          ...(body ? [`该申请事项依法属于${body}的职权范围，请向${body}提出申请。`] : []),
        ],
        remedies: remediesWords(document.remedies),
      };
    }
    case 'decision': {
      const decision = file.case.decision;
      if (!decision) return undefined;
      const words = decisionWords({
        ...addressee,
        issuer: application.departmentName,
        shortName,
        decision: {
          ...decision,
          documentNumber:
            decision.documentNumber ??
            latestDocument(file.case.documents, decision.outcome === 'approved' ? 'approval' : 'denial') ??
            null,
          // Decisions from before the chief named the result: the matter's result.
          resultName: decision.resultName ?? document.result?.name ?? null,
        },
        remedyBodies: document.remedies,
      });
      return {
        ...sheet(words.title, decision.decidedOn, words.docNumber),
        paragraphs: words.paragraphs,
        ...(words.remedies.length > 0 && { remedies: words.remedies }),
      };
    }
  }
}
