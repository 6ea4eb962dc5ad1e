import { PageFrame } from '../shell/PageFrame';

export function AuditPage() {
  return <PageFrame title="审计日志">建设中。</PageFrame>;
}
