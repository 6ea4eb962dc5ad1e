import { api, queryOf } from '../api/api';
import type { MatterPage } from '../catalog/catalogTypes';
import { useLoad } from '../useLoad';
import type { VersionSummary } from './versionTypes';

/**
 * A matter's version index and its department's name. The index carries only the department's
 * code; the search row names it, so the matter and review pages read both.
 */
export function useMatterVersions(code: string) {
  const versions = useLoad(
    () => api.get<{ items: VersionSummary[] }>(`/api/matters/${code}/versions`).then((answer) => answer.items),
    [code],
  );
  const row = useLoad(
    () =>
      api
        .get<MatterPage>(`/api/matters${queryOf({ code, pageSize: 5 })}`)
        .then((page) => page.items.find((r) => r.code === code)),
    [code],
  );
  return { versions, departmentName: row.value?.departmentName, searchName: row.value?.name };
}
