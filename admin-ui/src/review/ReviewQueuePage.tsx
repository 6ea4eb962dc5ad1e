import { PageFrame } from '../shell/PageFrame';

export function ReviewQueuePage() {
  return <PageFrame title="审核队列">建设中。</PageFrame>;
}
