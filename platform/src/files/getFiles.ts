import { readerOf, type Call, type Db } from '../kernel';
import { findFiles, type FileRecord } from './fileStore';

/**
 * The files among `ids` with their owners, inside the caller's transaction when there is one
 * (intake checks a submission's files as it records it). No access check: the caller decides who
 * may see what, typically "the applicant owns every file".
 */
export function getFiles(deps: { db: Db }, call: Call, ids: readonly string[]): Promise<FileRecord[]> {
  return findFiles(readerOf(deps.db, call), ids);
}
