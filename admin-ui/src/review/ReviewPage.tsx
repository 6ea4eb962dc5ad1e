import { PageFrame } from '../shell/PageFrame';

export function ReviewPage() {
  return <PageFrame title="审核">建设中。</PageFrame>;
}
