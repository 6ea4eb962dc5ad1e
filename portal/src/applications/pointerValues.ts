const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');
const segmentsOf = (pointer: string) => pointer.split('/').slice(1).map(unescape);

/** The value at a JSON pointer of form data (undefined when absent). */
export function valueAtPointer(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of segmentsOf(pointer)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** A copy of `data` with the value at `pointer` set, creating the objects on the way. */
export function withValueAtPointer(data: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const segments = segmentsOf(pointer);
  const last = segments.pop();
  if (last === undefined) return data;
  const root = structuredClone(data);
  let node: Record<string, unknown> = root;
  for (const segment of segments) {
    if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[last] = value;
  return root;
}
