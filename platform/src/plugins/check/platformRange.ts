/** `MAJOR.MINOR[.PATCH]` as numbers; a missing patch is 0. */
function parts(version: string): [number, number, number] | undefined {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/**
 * Whether the platform's version is in a manifest's range, read as npm reads the forms the schema
 * allows: `^0.1` is 0.1.x (a 0.x minor is breaking), `^1.2` is 1.x from 1.2, `~1.2.3` is 1.2.x from
 * 1.2.3, `>=0.1.0` is open above, a bare version is exactly that version.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const current = parts(version);
  const match = /^(\^|~|>=)?(.*)$/.exec(range);
  const low = match ? parts(match[2] ?? '') : undefined;
  if (!current || !low || !match) return false;
  const operator = match[1];
  if (compare(current, low) < 0) return false;
  if (operator === '>=') return true;
  if (operator === '~') return current[0] === low[0] && current[1] === low[1];
  if (operator === '^') return low[0] > 0 ? current[0] === low[0] : current[0] === 0 && current[1] === low[1];
  return compare(current, low) === 0;
}
