import { PageFrame } from '../shell/PageFrame';

export function DepartmentsPage() {
  return <PageFrame title="部门">建设中。</PageFrame>;
}
