import materialNames from '../materialNames.json' with { type: 'json' };

/** Full-width/half-width brackets, spaces and 《》 do not make two materials different. */
export function normaliseMaterialName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s《》〈〉"“”'‘’()（）[\]【】、,，.。:：;；\-—_]/g, '')
    .toLowerCase();
}

const byLengthDesc = (list: readonly string[]) => [...list].map(normaliseMaterialName).sort((a, b) => b.length - a.length);
const PREFIXES = byLengthDesc(materialNames.holderPrefixes);
const SUFFIXES = byLengthDesc(materialNames.formSuffixes);
const CANONICAL = new Map<string, string>();
for (const group of materialNames.synonyms) {
  const canonical = normaliseMaterialName(group[0] ?? '');
  for (const name of group) CANONICAL.set(normaliseMaterialName(name), canonical);
}
const ISSUED = new Set(
  materialNames.issuedLicences.map((name) => CANONICAL.get(normaliseMaterialName(name)) ?? normaliseMaterialName(name)),
);

/**
 * The material a name stands for (quality/materialNames.json): whose it is (申请人、法定代表人…) and
 * in which form (原件、复印件…) do not change it, and synonyms (身份证 ≡ 居民身份证 ≡ 身份证明) are one.
 */
export function canonicalMaterialName(name: string): string {
  let rest = normaliseMaterialName(name);
  const prefix = PREFIXES.find((p) => rest.startsWith(p) && rest.length > p.length);
  if (prefix) rest = rest.slice(prefix.length).replace(/^的/, '');
  for (let changed = true; changed;) {
    const suffix = SUFFIXES.find((s) => rest.endsWith(s) && rest.length > s.length);
    changed = suffix !== undefined;
    if (suffix) rest = rest.slice(0, -suffix.length).replace(/的$/, '');
  }
  return CANONICAL.get(rest) ?? rest;
}

/** A licence a government body issues (营业执照, 居民身份证…): the government has it already. */
export function isIssuedLicence(name: string): boolean {
  return ISSUED.has(canonicalMaterialName(name));
}
