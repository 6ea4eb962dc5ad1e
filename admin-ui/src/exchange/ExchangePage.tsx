import { PageFrame } from '../shell/PageFrame';

export function ExchangePage() {
  return <PageFrame title="导入导出">建设中。</PageFrame>;
}
