/**
 * Defensive readers: quality checks run on stored matters and on dirty import files alike, so a
 * field of the wrong type reads as missing instead of throwing.
 */
export type Loose = Record<string, unknown>;

export function obj(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const segment of path) current = obj(current)?.[segment];
  return current;
}

/** Every legal reference in a matter, with its pointer: the basis list and each item's basis. */
export function legalRefs(document: unknown): { ref: Loose; pointer: string }[] {
  const refs: { ref: Loose; pointer: string }[] = [];
  arr(field(document, 'legalBasis')).forEach((ref, i) => {
    const value = obj(ref);
    if (value) refs.push({ ref: value, pointer: `/legalBasis/${i}` });
  });
  const itemBases: [string[], string][] = [
    [['fees', 'items'], '/fees/items'],
    [['materials'], '/materials'],
    [['specialProcedures'], '/specialProcedures'],
    [['prerequisites'], '/prerequisites'],
    [['intermediaryServices'], '/intermediaryServices'],
  ];
  for (const [path, base] of itemBases) {
    arr(field(document, ...path)).forEach((item, i) => {
      const basis = obj(field(item, 'basis'));
      if (basis) refs.push({ ref: basis, pointer: `${base}/${i}/basis` });
    });
  }
  return refs;
}
