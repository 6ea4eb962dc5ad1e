import { DOCUMENT_KINDS, DOCUMENT_WORDS, latestDocument, type MatterDocument } from '@matterflow/schemas';
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
 * The 文号 the server's register issued for the act (docs/cases.md "文号"). Notices it does not
 * number (材料接收凭证, 特别程序告知书) and acts from before it take a serial from the case
 * number's last digits, which is unique too.
 */
function docNumber(file: CaseFile, word: string, day: string, shortName: string | null): string {
  const kind = DOCUMENT_KINDS.find((candidate) => DOCUMENT_WORDS[candidate] === word);
  const issued = kind ? latestDocument(file.case.documents, kind) : undefined;
  if (issued) return issued;
  const serial = file.case.number.slice(-6);
  return `${shortName ?? file.application.departmentName}${word}〔${day.slice(0, 4)}〕第${serial}号`;
}

/** A 补正 item in words: the material's name or the field's title, as the version names them. */
export function itemName(document: MatterDocument, item: SupplementItem): string {
  if (item.kind === 'material') return document.materials?.find((m) => m.id === item.materialId)?.name ?? item.materialId;
  return formFieldChoices(document.form).find((f) => f.pointer === item.pointer)?.label ?? item.pointer;
}

/** The remedies as the matter's guide states them; the statutes' periods when it states none. */
function remediesOf(document: MatterDocument): string[] {
  const { reconsideration, litigation } = document.remedies ?? {};
  return [
    `如不服本决定，可以自收到本决定书之日起六十日内向${reconsideration?.body ?? '本机关的上一级行政机关或者本级人民政府'}申请行政复议${
      reconsideration?.address
        ? `（地址：${reconsideration.address}${reconsideration.phone ? `，电话：${reconsideration.phone}` : ''}）`
        : ''
    }；`,
    `或者自收到本决定书之日起六个月内向${litigation?.body ?? '有管辖权的人民法院'}提起行政诉讼${
      litigation?.address ? `（地址：${litigation.address}${litigation.phone ? `，电话：${litigation.phone}` : ''}）` : ''
    }。`,
  ];
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
  if (kind !== 'decision') return NOTICE_TITLES[kind];
  return file.case.decision?.outcome === 'denied' ? '不予行政许可决定书' : '准予行政许可决定书';
}

/** The notice's content from the case, or undefined when the case has no such act to record. */
export function buildNotice(file: CaseFile, kind: NoticeKind, shortName: string | null): Notice | undefined {
  const { application, document } = file;
  const received = chineseDate(application.receivedOn);
  const base = (title: string, word: string, day: string) => ({
    kind,
    title,
    docNumber: docNumber(file, word, day, shortName),
    caseNumber: file.case.number,
    matterName: application.matterName,
    applicantName: application.applicant.name,
    date: chineseDate(day),
    issuer: application.departmentName,
  });
  const opening = `${application.applicant.name}：\n你（单位）于${received}提出的${application.matterName}申请（办件编号 ${file.case.number}）`;
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
        remedies: remediesOf(document),
      };
    }
    case 'decision': {
      const decision = file.case.decision;
      if (!decision) return undefined;
      const isApproved = decision.outcome === 'approved';
      const title = isApproved ? '准予行政许可决定书' : '不予行政许可决定书';
      const notice = { ...base(title, isApproved ? '许字' : '不许字', decision.decidedOn) };
      // Decisions from before the register carry the chief's number, if any.
      if (!decision.documentNumber && decision.resultNumber) notice.docNumber = decision.resultNumber;
      return isApproved
        ? {
            ...notice,
            paragraphs: [
              `${opening}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。`,
              `准予许可的结果：${decision.resultName ?? document.result?.name ?? '—'}${decision.resultNumber ? `（编号 ${decision.resultNumber}）` : ''}。`,
            ],
          }
        : {
            ...notice,
            paragraphs: [
              `${opening}，经审查，${decision.reason ?? '不符合法定条件、标准'}。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。`,
            ],
            remedies: decision.remedies
              ? [decision.remedies.reconsideration, decision.remedies.litigation]
              : remediesOf(document),
          };
    }
  }
}
