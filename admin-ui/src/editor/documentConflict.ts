import { pointerOf, parsePointer } from './pointers';
import type { JsonObject } from './SectionProps';

/** One field where the stored draft (theirs) and the editor's document (mine) differ. */
export interface ConflictField {
  pointer: string;
  theirs: unknown;
  mine: unknown;
  /** Which side changed it since the editor last loaded or saved (the base). */
  changedBy: 'them' | 'me' | 'both';
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function valueAt(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const token of parsePointer(pointer)) {
    if (isObject(node) || Array.isArray(node)) node = (node as Record<string, unknown>)[token];
    else return undefined;
  }
  return node;
}

/**
 * The smallest fields where two documents differ: objects are compared member by member and lists
 * of the same length item by item; a list that grew or shrank is one field, since its items no
 * longer line up.
 */
function differences(theirs: unknown, mine: unknown, path: (string | number)[], out: string[]): void {
  if (same(theirs, mine)) return;
  if (isObject(theirs) && isObject(mine)) {
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)]))
      differences(theirs[key], mine[key], [...path, key], out);
  } else if (Array.isArray(theirs) && Array.isArray(mine) && theirs.length === mine.length) {
    theirs.forEach((item, index) => differences(item, mine[index], [...path, index], out));
  } else out.push(pointerOf(path));
}

/** Where a stale save and the stored draft differ, and who changed each field since the base. */
export function conflictFields(base: JsonObject, theirs: JsonObject, mine: JsonObject): ConflictField[] {
  const pointers: string[] = [];
  differences(theirs, mine, [], pointers);
  return pointers.map((pointer) => {
    const [was, their, my] = [valueAt(base, pointer), valueAt(theirs, pointer), valueAt(mine, pointer)];
    const changedBy = same(was, my) ? 'them' : same(was, their) ? 'me' : 'both';
    return { pointer, theirs: their, mine: my, changedBy };
  });
}

/** A field keeps my value unless only the other editor changed it: nothing I typed is dropped by default. */
export const defaultChoice = (field: ConflictField): 'theirs' | 'mine' => (field.changedBy === 'them' ? 'theirs' : 'mine');

function setAt(document: JsonObject, pointer: string, value: unknown): void {
  const tokens = parsePointer(pointer);
  const last = tokens.pop();
  if (last === undefined) return;
  let node: unknown = document;
  for (const token of tokens) node = (node as Record<string, unknown>)[token];
  const parent = node as Record<string, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = structuredClone(value);
}

/** The stored draft with my value in each field I chose mine for. */
export function mergeConflict(
  theirs: JsonObject,
  fields: readonly ConflictField[],
  choices: Readonly<Record<string, 'theirs' | 'mine'>>,
): JsonObject {
  const merged = structuredClone(theirs);
  for (const field of fields)
    if ((choices[field.pointer] ?? defaultChoice(field)) === 'mine') setAt(merged, field.pointer, field.mine);
  return merged;
}
