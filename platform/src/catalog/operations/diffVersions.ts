import diff from 'microdiff';
import { escapePointer } from '@matterflow/schemas';
import type { Call, Clock, Db } from '../../kernel';
import { getMatterVersion } from './readMatters';

export interface DocumentChange {
  op: 'add' | 'remove' | 'replace';
  pointer: string;
  from?: unknown;
  to?: unknown;
}

/** Field-level differences between two visible versions, as JSON pointers, for legal review. */
export async function diffVersions(
  deps: { db: Db; clock: Clock },
  call: Call,
  { code, from, to }: { code: string; from: number; to: number },
): Promise<{
  code: string;
  from: number;
  to: number;
  changes: DocumentChange[];
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
  return { code, from, to, changes };
}
