import { api } from '../api/api';
import type { Department } from '../catalog/catalogTypes';
import { useStaffUser } from '../session/SessionProvider';
import { PageFrame } from '../shell/PageFrame';
import { useLoad } from '../useLoad';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';

/** 导入导出: the catalog in and out as files (legal: every department; a department admin: their own). */
export function ExchangePage() {
  const user = useStaffUser();
  const departments = useLoad(() => api.get<{ items: Department[] }>('/api/departments').then((answer) => answer.items), []);
  return (
    <PageFrame title="导入导出" crumbs={[{ title: '导入导出' }]}>
      <ImportCard />
      <ExportCard departments={departments.value ?? []} ownDepartment={user.role === 'dept_admin' ? user.departmentCode : null} />
    </PageFrame>
  );
}
