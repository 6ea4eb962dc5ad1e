/**
 * Where a case stands. received → (supplementing ↔ received) → accepted | refused, or completed at
 * the counter (即办件). in_review, decided, terminated and withdrawn belong to the case actions after 受理.
 */
export const CASE_STATUSES = [
  'received',
  'supplementing',
  'accepted',
  'refused',
  'completed',
  'in_review',
  'decided',
  'withdrawn',
  'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  received: '待受理',
  supplementing: '待补正',
  accepted: '已受理',
  refused: '不予受理',
  completed: '已办结',
  in_review: '审查中',
  decided: '已决定',
  withdrawn: '已撤回',
  terminated: '已终止',
};

/** Why an application is not accepted; `not_competent` must name the competent body (不推诿). */
export const REFUSAL_REASONS = {
  not_competent: '不属于本机关职权范围',
  not_licensable: '申请事项依法不需要取得行政许可',
  incomplete_after_supplement: '经一次性告知补正后仍不符合要求',
  other: '其他依法不予受理的情形',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;
