import { PageFrame } from '../shell/PageFrame';

export function QualityPage() {
  return <PageFrame title="质量报告">建设中。</PageFrame>;
}
