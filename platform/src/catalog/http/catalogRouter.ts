import { Router, type Request } from 'express';
import type { AppContext } from '../../http/AppContext';
import { validateInput } from '../../http/validateInput';
import { actorOf } from '../../identity';
import { createDraft } from '../operations/createDraft';
import { updateDraft } from '../operations/updateDraft';
import { transitionMatter, type TransitionRequest } from '../operations/transitionMatter';
import { getCurrentMatter, getMatterVersion, getMatterVersions } from '../operations/readMatters';
import { diffVersions } from '../operations/diffVersions';
import { getGuide } from '../operations/getGuide';
import { searchMatters, type MatterSearch } from '../operations/searchMatters';
import type { MatterStatus } from '../MatterVersion';
import {
  codeParamSchema,
  createMatterBody,
  diffQuerySchema,
  searchQuerySchema,
  transitionBody,
  updateDraftBody,
  versionParamSchema,
} from './catalogRequests';

function codeOf(req: Request): string {
  return validateInput<{ code: string }>(codeParamSchema, req.params, { code: 'MATTER_CODE_INVALID', prefix: '/path' }).code;
}

function versionOf(req: Request): { code: string; n: number } {
  const params = validateInput<{ code: string; n: string }>(versionParamSchema, req.params, { code: 'BAD_QUERY', prefix: '/path' });
  return { code: params.code, n: Number(params.n) };
}

/** Thin handlers: validate the request, call the operation, shape the response. */
export function catalogRouter(ctx: AppContext): Router {
  const router = Router();
  const call = (req: Request, res: Parameters<typeof actorOf>[0]) => ({ ctx, actor: actorOf(res), ip: req.ip ?? null });

  router.get('/matters', async (req, res) => {
    const query = validateInput<Record<string, string | undefined>>(searchQuerySchema, req.query, { code: 'BAD_QUERY', prefix: '/query' });
    const search: MatterSearch = {
      q: query.q?.trim() || undefined,
      code: query.code,
      department: query.department,
      type: query.type,
      level: query.level,
      object: query.object,
      status: query.status as MatterStatus | undefined,
      page: Number(query.page ?? 1),
      pageSize: Number(query.pageSize ?? 20),
    };
    res.json(await searchMatters(ctx.db, { actor: actorOf(res), search, today: ctx.clock.today() }));
  });

  router.post('/matters', async (req, res) => {
    const body = validateInput<{ document: unknown }>(createMatterBody, req.body);
    res.status(201).json(await createDraft({ ...call(req, res), document: body.document }));
  });

  router.get('/matters/:code', async (req, res) => {
    res.json(await getCurrentMatter({ ...call(req, res), code: codeOf(req) }));
  });

  router.get('/matters/:code/guide', async (req, res) => {
    res.json(await getGuide({ ...call(req, res), code: codeOf(req) }));
  });

  router.get('/matters/:code/versions', async (req, res) => {
    const versions = await getMatterVersions({ ...call(req, res), code: codeOf(req) });
    // The list is an index: documents are fetched per version.
    res.json({ items: versions.map(({ document: _document, ...summary }) => summary) });
  });

  router.get('/matters/:code/versions/:n', async (req, res) => {
    const { code, n } = versionOf(req);
    res.json(await getMatterVersion({ ...call(req, res), code, version: n }));
  });

  router.get('/matters/:code/diff', async (req, res) => {
    const code = codeOf(req);
    const query = validateInput<{ from: string; to: string }>(diffQuerySchema, req.query, { code: 'BAD_QUERY', prefix: '/query' });
    res.json(await diffVersions({ ...call(req, res), code, from: Number(query.from), to: Number(query.to) }));
  });

  router.put('/matters/:code/draft', async (req, res) => {
    const code = codeOf(req);
    const body = validateInput<{ revision: number; document: unknown }>(updateDraftBody, req.body);
    res.json(await updateDraft({ ...call(req, res), code, revision: body.revision, document: body.document }));
  });

  router.post('/matters/:code/transitions', async (req, res) => {
    const code = codeOf(req);
    const body = validateInput<TransitionRequest>(transitionBody, req.body);
    res.json(await transitionMatter({ ...call(req, res), code, request: body }));
  });

  return router;
}
