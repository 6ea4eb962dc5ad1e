import { getFiles, type FileView } from '../../files';
import type { Call } from '../../kernel';
import type { MaterialFiles } from '../Draft';
import type { IntakeDeps } from '../intakeDeps';

export type OwnedFiles = Map<string, FileView & { ownerUserId: number }>;

/** The files a draft's material slots name, by id (those that exist; ownership is checked by the caller). */
export async function loadDraftFiles(deps: IntakeDeps, call: Call, materials: MaterialFiles): Promise<OwnedFiles> {
  const ids = [...new Set(Object.values(materials).flat())];
  if (ids.length === 0) return new Map();
  const files = await getFiles(deps, call, ids);
  return new Map(files.map((file) => [file.id, file]));
}
