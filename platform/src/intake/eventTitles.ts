/**
 * What each event type is called on the status page. The case engine adds its types here
 * (受理, 补正, 审查, 决定 …); an unknown type still shows, under its code, rather than vanish.
 */
export const EVENT_TITLES: Record<string, string> = {
  submitted: '提交申请',
  submitted_on_behalf: '窗口代办提交申请',
};

export function eventTitle(type: string): string {
  return EVENT_TITLES[type] ?? type;
}
