import { asList, asObject, at, type JsonObject } from '@matterflow/schemas';

/** Every legal reference in a matter, with its pointer: the basis list and each item's basis. */
export function legalRefs(document: unknown): { ref: JsonObject; pointer: string }[] {
  const refs: { ref: JsonObject; pointer: string }[] = [];
  asList(at(document, 'legalBasis')).forEach((ref, i) => {
    const value = asObject(ref);
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
    asList(at(document, ...path)).forEach((item, i) => {
      const basis = asObject(at(item, 'basis'));
      if (basis) refs.push({ ref: basis, pointer: `${base}/${i}/basis` });
    });
  }
  return refs;
}
