import { buildGuide } from '../guide/buildGuide';
import { getCurrentMatter } from './readMatters';
import type { CatalogCall } from './CatalogCall';

/** GET /api/matters/{code}/guide: the 办事指南 of the version in force today. */
export async function getGuide(call: CatalogCall & { code: string }) {
  return buildGuide(await getCurrentMatter(call));
}
