import type { Call, Clock, Db } from '../../kernel';
import { buildGuide, type Guide } from '../guide/buildGuide';
import { renderGuideHtml } from '../guide/renderGuideHtml';
import { getCurrentMatter } from './readMatters';

/** GET /api/matters/{code}/guide: the 办事指南 of the version in force today. */
export async function getGuide(deps: { db: Db; clock: Clock }, call: Call, input: { code: string }): Promise<Guide> {
  return buildGuide(await getCurrentMatter(deps, call, input));
}

/** GET /api/matters/{code}/guide.html: the same guide as a printable A4 page. */
export async function getGuidePage(deps: { db: Db; clock: Clock }, call: Call, input: { code: string }): Promise<string> {
  return renderGuideHtml(await getGuide(deps, call, input));
}
