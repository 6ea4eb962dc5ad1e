import { chineseDate, shanghaiDate, shanghaiTime } from '@matterflow/schemas';

/**
 * How the timeline shows each kind of case event. The case engine adds kinds later (acceptance,
 * steps, decisions, 补正…): an unknown kind still shows, with the platform's own title and a
 * neutral mark, so a new event never needs a portal release to appear.
 */
export interface EventKind {
  /** A short mark beside the event (text, so it prints and reads aloud). */
  mark: string;
  tone: 'start' | 'progress' | 'attention' | 'done' | 'stop' | 'neutral';
}

const KINDS: Record<string, EventKind> = {
  submitted: { mark: '交', tone: 'start' },
  submittedOnBehalf: { mark: '代', tone: 'start' },
  received: { mark: '收', tone: 'progress' },
  accepted: { mark: '受', tone: 'progress' },
  assigned: { mark: '派', tone: 'progress' },
  reviewed: { mark: '审', tone: 'progress' },
  approved: { mark: '批', tone: 'done' },
  supplementRequested: { mark: '补', tone: 'attention' },
  supplemented: { mark: '补', tone: 'progress' },
  paused: { mark: '停', tone: 'attention' },
  resumed: { mark: '续', tone: 'progress' },
  rejected: { mark: '退', tone: 'stop' },
  notAccepted: { mark: '退', tone: 'stop' },
  withdrawn: { mark: '撤', tone: 'stop' },
  decided: { mark: '决', tone: 'done' },
  completed: { mark: '结', tone: 'done' },
  delivered: { mark: '送', tone: 'done' },
};

/** `submitted_on_behalf` and `submittedOnBehalf` are one kind. */
const camel = (type: string) => type.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

export function eventKind(type: string): EventKind {
  return KINDS[camel(type)] ?? { mark: '•', tone: 'neutral' };
}

const STATUS: Record<string, { label: string; tone: EventKind['tone'] }> = {
  draft: { label: '填写中', tone: 'neutral' },
  submitted: { label: '已提交，待受理', tone: 'start' },
  accepted: { label: '已受理', tone: 'progress' },
  inProgress: { label: '办理中', tone: 'progress' },
  supplementRequested: { label: '待补正', tone: 'attention' },
  paused: { label: '已暂停', tone: 'attention' },
  approved: { label: '已办结（准予）', tone: 'done' },
  completed: { label: '已办结', tone: 'done' },
  rejected: { label: '不予受理', tone: 'stop' },
  denied: { label: '不予许可', tone: 'stop' },
  withdrawn: { label: '已撤回', tone: 'stop' },
};

/** An application's status as a badge: the platform's label when it gives one, a tone by kind. */
export function statusBadge(status: string, label?: string): { label: string; tone: EventKind['tone'] } {
  const known = STATUS[camel(status)];
  return { label: label ?? known?.label ?? status, tone: known?.tone ?? 'neutral' };
}

/**
 * “2026年12月2日 09:41” in Asia/Shanghai, whatever the browser's zone: the receipt's 接收日期 is the
 * centre's day, and the time beside it must be of that day.
 */
export function dateTimeText(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return `${dateText(shanghaiDate(date))} ${shanghaiTime(date)}`;
}

/** “2026年12月2日” for a civil date (YYYY-MM-DD) or an instant: the workbench's rule, so notices agree. */
export const dateText = chineseDate;
