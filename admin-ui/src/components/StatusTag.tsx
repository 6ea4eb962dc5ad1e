import { statusLabel } from '@matterflow/schemas';
import { Tag } from 'antd';

/**
 * Solid tags in dark tones: antd's tinted status tags put light green or orange text on a lighter
 * tint, below 4.5:1, and clerks read these words all day.
 */
export const TONES = {
  neutral: '#595959',
  info: '#1f5fbf',
  success: '#2f6f12',
  warning: '#874d00',
  error: '#b0181c',
} as const;

const STATUS_TONES: Record<string, keyof typeof TONES> = {
  draft: 'neutral',
  in_review: 'info',
  published: 'success',
  superseded: 'warning',
  retired: 'error',
};

export const MATTER_STATUSES = Object.keys(STATUS_TONES);

export function ToneTag({ tone, children }: { tone: keyof typeof TONES; children: React.ReactNode }) {
  return (
    <Tag color={TONES[tone]} variant="solid">
      {children}
    </Tag>
  );
}

/** A matter version's status in words, e.g. 审核中. */
export function StatusTag({ status }: { status: string }) {
  return <ToneTag tone={STATUS_TONES[status] ?? 'neutral'}>{statusLabel(status)}</ToneTag>;
}

export type Severity = 'error' | 'warning' | 'info';

/** A quality rule's severity in the words the report and the review use. */
export const SEVERITY_WORDS: Record<Severity, string> = { error: '错误', warning: '提示', info: '建议' };
const SEVERITY_TONES: Record<Severity, keyof typeof TONES> = { error: 'error', warning: 'warning', info: 'neutral' };

export function SeverityTag({ severity }: { severity: Severity }) {
  return <ToneTag tone={SEVERITY_TONES[severity]}>{SEVERITY_WORDS[severity]}</ToneTag>;
}
