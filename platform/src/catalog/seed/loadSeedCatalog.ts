import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainError, type Actor, type Deps } from '../../kernel';
import { validateDocument } from '../validateDocument';
import { saveDraft } from '../operations/saveDraft';
import { transitionMatter } from '../operations/transitionMatter';
import type { CatalogSettings } from '../quality';

/** The seed catalog is loaded as legal-affairs would: drafted, checked, published. */
const SEED_ACTOR: Actor = {
  kind: 'user',
  userId: 0,
  username: 'seed',
  displayName: '种子目录',
  role: 'legal',
  departmentCode: null,
};

interface SeedIndex {
  matters: { file: string; publish: boolean; reason?: string }[];
}

function describe(error: unknown): string {
  if (isDomainError(error)) return `${error.code}: ${JSON.stringify(error.details)}`;
  return (error as Error).message;
}

/**
 * On first start (no matters yet) loads the seed catalog in `dir` (its index.json and matter
 * files), publishing every matter marked so, in one transaction. A seed file that fails validation
 * or the publish checks stops start-up, naming it.
 */
export async function loadSeedCatalog(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'> & CatalogSettings,
  { dir }: { dir: string },
): Promise<number> {
  const existing = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM matters');
  if ((existing.rows[0]?.n ?? 0) > 0) return 0;
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as SeedIndex;
  const entries = index.matters.map((entry) => {
    const path = join(dir, entry.file);
    try {
      return { entry, path, document: validateDocument(JSON.parse(readFileSync(path, 'utf8')), '') };
    } catch (error) {
      throw new Error(`seed catalog ${path}: ${describe(error)}`);
    }
  });
  const today = deps.clock.today();
  await deps.db.transaction(async (tx) => {
    const call = { actor: SEED_ACTOR, tx };
    for (const { entry, path, document } of entries) {
      try {
        await saveDraft(deps, call, { document });
        if (!entry.publish) continue;
        await transitionMatter(deps, call, { code: document.code, request: { action: 'submit' } });
        await transitionMatter(deps, call, { code: document.code, request: { action: 'publish', effectiveDate: today } });
      } catch (error) {
        throw new Error(`seed catalog ${path}: ${describe(error)}`);
      }
    }
  });
  deps.logger.info({ matters: entries.length, published: entries.filter((e) => e.entry.publish).length }, 'seed catalog loaded');
  return entries.length;
}
