import { readFileSync } from 'node:fs';
import type { AppContext } from '../../http/AppContext';
import type { Actor } from '../../identity/Actor';
import { schemasDir } from '../../metaschema';
import { isDomainError } from '../../errors';
import { validateDocument } from '../validateDocument';
import { saveDraft } from '../operations/saveDraft';
import { applyTransition } from '../operations/transitionMatter';

/** The seed catalog is loaded as legal-affairs would: drafted, checked, published. */
const SEED_ACTOR: Actor = { kind: 'user', userId: 0, username: 'seed', displayName: '种子目录', role: 'legal', departmentCode: null };

interface SeedIndex {
  matters: { file: string; publish: boolean; reason?: string }[];
}

function describe(error: unknown): string {
  if (isDomainError(error)) return `${error.code}: ${JSON.stringify(error.details)}`;
  return (error as Error).message;
}

/**
 * On first start (no matters yet) loads schemas/catalog, publishing every matter marked so, in one
 * transaction. A seed file that fails validation or the publish checks stops start-up, naming it.
 */
export async function loadSeedCatalog(ctx: AppContext): Promise<number> {
  const today = ctx.clock.today();
  const existing = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM matters');
  if ((existing.rows[0]?.n ?? 0) > 0) return 0;
  const index = JSON.parse(readFileSync(`${schemasDir}catalog/index.json`, 'utf8')) as SeedIndex;
  const entries = index.matters.map((entry) => {
    const path = `${schemasDir}catalog/${entry.file}`;
    try {
      return { entry, path, document: validateDocument(JSON.parse(readFileSync(path, 'utf8')), '') };
    } catch (error) {
      throw new Error(`seed catalog ${path}: ${describe(error)}`);
    }
  });
  await ctx.db.transaction(async (tx) => {
    for (const { entry, path, document } of entries) {
      try {
        await saveDraft(tx, { actor: SEED_ACTOR, document, today });
        if (!entry.publish) continue;
        await applyTransition(tx, { actor: SEED_ACTOR, code: document.code, request: { action: 'submit' }, today });
        await applyTransition(tx, { actor: SEED_ACTOR, code: document.code, request: { action: 'publish', effectiveDate: today }, today });
      } catch (error) {
        throw new Error(`seed catalog ${path}: ${describe(error)}`);
      }
    }
  });
  ctx.logger.info({ matters: entries.length, published: entries.filter((e) => e.entry.publish).length }, 'seed catalog loaded');
  return entries.length;
}
