import { PageFrame } from '../shell/PageFrame';

export function NewMatterPage() {
  return <PageFrame title="新建事项">建设中。</PageFrame>;
}
