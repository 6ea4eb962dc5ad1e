import { PageFrame } from '../shell/PageFrame';

export function MatterEditorPage() {
  return <PageFrame title="编辑事项">建设中。</PageFrame>;
}
