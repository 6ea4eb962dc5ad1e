import { api } from '../api/api';

/** A department as GET /api/departments?include=disabled answers it. */
export interface DepartmentRecord {
  code: string;
  name: string;
  shortName: string | null;
  region: string;
  isDisabled: boolean;
}

export const loadAllDepartments = () =>
  api.get<{ items: DepartmentRecord[] }>('/api/departments?include=disabled').then((answer) => answer.items);
