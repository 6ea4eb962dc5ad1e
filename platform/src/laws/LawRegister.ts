import { asText, at, matterMetaSchema, type LawEntry, type LegalRef } from '@matterflow/schemas';

export type LawLevel = LawEntry['level'];

/** The register as the rules read it: every entry by id, and by each name and alias it is cited under. */
export interface LawRegister {
  entries: readonly LawEntry[];
  byId: ReadonlyMap<string, LawEntry>;
  byName: ReadonlyMap<string, LawEntry>;
}

/**
 * Citations differ in spacing, width and the book-title marks around the name (《…》); those do not
 * make two laws. Nothing else is normalised: 个体工商户条例 and 促进个体工商户发展条例 are two laws.
 */
export function normaliseLawName(name: string): string {
  return name.normalize('NFKC').replace(/[\s《》〈〉]/g, '');
}

export function buildLawRegister(entries: readonly LawEntry[]): LawRegister {
  const byId = new Map<string, LawEntry>();
  const byName = new Map<string, LawEntry>();
  for (const entry of entries) byId.set(entry.id, entry);
  // Names first, then aliases, so an alias never hides another entry's own name.
  for (const entry of entries) byName.set(normaliseLawName(entry.name), entry);
  for (const entry of entries) {
    for (const alias of entry.aliases ?? []) {
      const key = normaliseLawName(alias);
      if (!byName.has(key)) byName.set(key, entry);
    }
  }
  return { entries, byId, byName };
}

export const EMPTY_LAW_REGISTER: LawRegister = buildLawRegister([]);

/**
 * The register entry a legal reference cites: by its lawId; else by its exact name or an alias.
 * A lawId the register does not know resolves to nothing (the name is not tried: the id was meant).
 */
export function resolveLaw(register: LawRegister, ref: Partial<LegalRef> | Record<string, unknown>): LawEntry | undefined {
  const lawId = asText(ref.lawId);
  if (lawId !== undefined) return register.byId.get(lawId);
  const name = asText(ref.lawName);
  return name === undefined ? undefined : register.byName.get(normaliseLawName(name));
}

/** Repealed on or before `today` (a civil date): a repeal announced for a later day has not happened yet. */
export function isRepealed(entry: LawEntry, today: string): boolean {
  return entry.repealedOn !== undefined && entry.repealedOn <= today;
}

/** The level of a cited law: the register's (by lawId, name or alias), else what the citation itself says. */
export function levelOf(register: LawRegister, ref: Record<string, unknown>): LawLevel | undefined {
  return resolveLaw(register, ref)?.level ?? (asText(ref.level) as LawLevel | undefined);
}

/** 法律、行政法规… — the Chinese names, from the meta-schema's x-enumNames so they are written once. */
export function lawLevelName(level: string): string {
  const values = at(matterMetaSchema, '$defs', 'lawLevel', 'enum');
  const names = at(matterMetaSchema, '$defs', 'lawLevel', 'x-enumNames');
  const index = Array.isArray(values) ? values.indexOf(level) : -1;
  return (Array.isArray(names) ? asText(names[index]) : undefined) ?? level;
}
