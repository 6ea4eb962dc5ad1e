/**
 * What each event type is called on the status page. The case engine adds its types here
 * (受理, 补正, 审查, 决定 …); an unknown type still shows, under its code, rather than vanish.
 */
export const EVENT_TITLES: Record<string, string> = {
  submitted: '提交申请',
  submitted_on_behalf: '窗口代办提交申请',
  // The case engine's acceptance (docs/cases.md "Cases and acceptance").
  case_accepted: '已受理',
  case_refused: '不予受理',
  case_supplement_requested: '一次性告知补正',
  case_completed_on_spot: '即办件当场办结',
  case_deemed_accepted: '逾期未作出受理决定，自收到申请材料之日起视为受理',
};

export function eventTitle(type: string): string {
  return EVENT_TITLES[type] ?? type;
}
