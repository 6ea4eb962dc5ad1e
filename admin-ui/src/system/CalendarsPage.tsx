import { PageFrame } from '../shell/PageFrame';

export function CalendarsPage() {
  return <PageFrame title="节假日">建设中。</PageFrame>;
}
