import diff from 'microdiff';
import { describeChanges, escapePointer, type ChangeLine } from '@matterflow/schemas';
import type { Call, Clock, Db } from '../../kernel';
import { getMatterVersion } from './readMatters';

export interface DocumentChange {
  op: 'add' | 'remove' | 'replace';
  pointer: string;
  from?: unknown;
  to?: unknown;
}

/**
 * Field-level differences between two visible versions, for legal review: as JSON pointers, and in
 * the words a clerk reads grouped by the editor's sections (`summary`, docs/lifecycle.md).
 */
export async function diffVersions(
  deps: { db: Db; clock: Clock },
  call: Call,
  { code, from, to }: { code: string; from: number; to: number },
): Promise<{
  code: string;
  from: number;
  to: number;
  changes: DocumentChange[];
  summary: ChangeLine[];
}> {
  const [left, right] = await Promise.all([
    getMatterVersion(deps, call, { code, version: from }),
    getMatterVersion(deps, call, { code, version: to }),
  ]);
  const changes = diff(left.document, right.document).map((change): DocumentChange => {
    const pointer = '/' + change.path.map((segment) => escapePointer(String(segment))).join('/');
    if (change.type === 'CREATE') return { op: 'add', pointer, to: change.value };
    if (change.type === 'REMOVE') return { op: 'remove', pointer, from: change.oldValue };
    return { op: 'replace', pointer, from: change.oldValue, to: change.value };
  });
  return { code, from, to, changes, summary: describeChanges(left.document, right.document) };
}
