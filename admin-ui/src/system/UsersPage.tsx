import { PageFrame } from '../shell/PageFrame';

export function UsersPage() {
  return <PageFrame title="用户">建设中。</PageFrame>;
}
