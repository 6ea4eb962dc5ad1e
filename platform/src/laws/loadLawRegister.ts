import type { Queryable } from '../kernel';
import { buildLawRegister, type LawRegister } from './LawRegister';
import { listStoredLaws } from './lawStore';

/**
 * The register as the catalog's rules read it, once per report or publish (a few hundred entries:
 * cheaper to read than to keep a cache in step with PUT).
 */
export async function loadLawRegister(q: Queryable): Promise<LawRegister> {
  return buildLawRegister((await listStoredLaws(q)).map((law) => law.entry));
}
