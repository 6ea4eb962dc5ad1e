import type { JsonObject } from './SectionProps';

/** `GET /api/matters/{code}/versions/{n}` and the save answer (the fields the editor reads). */
export interface MatterVersion {
  code: string;
  version: number;
  status: string;
  revision: number;
  name: string;
  departmentCode: string;
  updatedAt: string;
  document: JsonObject;
}
