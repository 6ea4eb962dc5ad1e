import { PageFrame } from '../shell/PageFrame';

export function MatterPage() {
  return <PageFrame title="事项">建设中。</PageFrame>;
}
