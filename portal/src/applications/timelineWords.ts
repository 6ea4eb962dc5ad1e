import type { ProgressEvent } from './caseApi';
import { dateText, eventKind, type EventKind } from './eventKinds';

/** One step of the timeline in the applicant's words: what happened, and what it means for them. */
export interface TimelineEntry {
  title: string;
  lines: string[];
  mark: string;
  tone: EventKind['tone'];
}

type Words = (event: ProgressEvent) => Omit<TimelineEntry, 'mark' | 'tone'> & Partial<Pick<TimelineEntry, 'mark' | 'tone'>>;

const itemLines = (event: ProgressEvent) =>
  (event.detail.items ?? []).map((item) => (item.reason ? `${item.name}：${item.reason}` : item.name));

const WORDS: Record<string, Words> = {
  submitted: () => ({ title: '您已提交申请', lines: ['窗口将在 5 个工作日内决定是否受理'], mark: '交', tone: 'start' }),
  submitted_on_behalf: () => ({ title: '窗口工作人员为您代办提交了申请', lines: [], mark: '代', tone: 'start' }),
  case_supplement_requested: (event) => ({
    title: event.detail.noticeNumber && event.detail.noticeNumber > 1 ? '窗口再次请您补正材料' : '窗口请您补正材料',
    lines: ['需要补正：', ...itemLines(event)],
    mark: '补',
    tone: 'attention',
  }),
  case_supplement_answered: (event) => ({
    title: '您已提交补正材料',
    lines: event.detail.acceptanceDue ? [`窗口将在 ${dateText(event.detail.acceptanceDue)}前决定是否受理`] : [],
    mark: '补',
    tone: 'progress',
  }),
  case_accepted: (event) => ({
    title: '窗口已受理您的申请',
    lines: event.detail.due ? [`预计 ${dateText(event.detail.due)}前办结`] : [],
    mark: '受',
    tone: 'progress',
  }),
  case_deemed_accepted: (event) => ({
    title: '窗口未在期限内答复，依法视为已受理',
    lines: event.detail.acceptedOn ? [`自 ${dateText(event.detail.acceptedOn)}起视为受理`] : [],
    mark: '受',
    tone: 'progress',
  }),
  case_refused: (event) => ({
    title: '您的申请未被受理',
    lines: [
      ...(event.detail.reason ? [`理由：${event.detail.reason}`] : []),
      ...(event.detail.competentBody ? [`请向 ${event.detail.competentBody} 申请`] : []),
    ],
    mark: '退',
    tone: 'stop',
  }),
  case_completed_on_spot: () => ({ title: '当场办结', lines: [], mark: '结', tone: 'done' }),
  task_approved: (event) => ({
    title: event.detail.stepName ? `“${event.detail.stepName}”已完成` : '审查环节已完成',
    lines: [],
    mark: '审',
    tone: 'progress',
  }),
  task_returned: (event) => ({
    title: event.detail.stepName ? `“${event.detail.stepName}”退回重新审查` : '退回重新审查',
    lines: [],
    mark: '审',
    tone: 'attention',
  }),
  case_decided: (event) => ({
    title: '已作出准予许可的决定',
    lines: [
      ...(event.detail.resultName ? [event.detail.resultName] : []),
      ...(event.detail.resultNumber ? [`文号：${event.detail.resultNumber}`] : []),
    ],
    mark: '决',
    tone: 'done',
  }),
  case_denied: (event) => ({
    title: '已作出不予许可的决定',
    lines: [
      ...(event.detail.reason ? [`理由：${event.detail.reason}`] : []),
      ...(event.detail.remedies ? [`如不服：${event.detail.remedies.reconsideration}；${event.detail.remedies.litigation}`] : []),
    ],
    mark: '决',
    tone: 'stop',
  }),
  case_terminated: (event) => ({
    title: '办理已终止',
    lines: event.detail.reason ? [`理由：${event.detail.reason}`] : [],
    mark: '止',
    tone: 'stop',
  }),
  case_withdrawn: () => ({ title: '您已撤回申请', lines: [], mark: '撤', tone: 'stop' }),
  case_procedure_started: (event) => ({
    title: event.title,
    lines: event.detail.reason ? [event.detail.reason] : [],
    mark: '停',
    tone: 'attention',
  }),
  case_procedure_ended: (event) => ({ title: event.title, lines: [], mark: '续', tone: 'progress' }),
  case_extended: (event) => ({
    title: '办理期限已依法延长',
    lines: event.detail.due ? [`预计 ${dateText(event.detail.due)}前办结`] : [],
    mark: '延',
    tone: 'attention',
  }),
  case_deemed_approved: () => ({ title: '期限届满未作出决定，依法视为准予许可', lines: [], mark: '批', tone: 'done' }),
  case_result_attached: () => ({ title: '许可结果（证照）已可下载', lines: [], mark: '证', tone: 'done' }),
  case_delivered: (event) => ({
    title: event.detail.deliveryMethod === 'express' ? '结果已邮寄' : '结果已送达',
    lines: [
      ...(event.detail.carrier ? [`快递：${event.detail.carrier}`] : []),
      ...(event.detail.trackingNumber ? [`单号：${event.detail.trackingNumber}`] : []),
    ],
    mark: '送',
    tone: 'done',
  }),
};

/** The back office's bookkeeping and supervision, which the applicant need not follow one by one. */
const QUIET = new Set([
  'task_claimed',
  'task_transferred',
  'task_signer_added',
  'task_urged',
  'case_warning',
  'case_green_channel_set',
  'case_green_channel_lifted',
]);

/**
 * An event as the applicant reads it. A kind the portal has no words for yet (added later by the
 * case engine) still shows, with the platform's title when it gives one, else neutrally.
 */
export function timelineEntry(event: ProgressEvent): TimelineEntry {
  const words = WORDS[event.type];
  const kind = eventKind(event.type);
  if (words) return { mark: kind.mark, tone: kind.tone, ...words(event) };
  const title = event.title && event.title !== event.type ? event.title : '办件有新的办理进展';
  return { title, lines: [], mark: kind.mark, tone: kind.tone };
}

/** The steps the applicant is shown, newest first: quiet back-office steps left out. */
export function timelineEntries(events: readonly ProgressEvent[]): (TimelineEntry & { at: string })[] {
  return events
    .filter((event) => !QUIET.has(event.type))
    .map((event) => ({ at: event.at, ...timelineEntry(event) }))
    .reverse();
}
