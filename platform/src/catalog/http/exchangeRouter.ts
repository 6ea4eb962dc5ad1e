import express, { Router } from 'express';
import type { AppContext } from '../../http/AppContext';
import { validateInput } from '../../http/validateInput';
import { actorOf } from '../../identity';
import { IMPORT_LIMITS } from '../exchange';
import { catalogQuality, exportCatalog, importCatalogFile, type ExportFormat } from '../operations/exchangeOperations';
import type { MatterStatus } from '../MatterVersion';
import { exportQuerySchema, qualityQuerySchema } from './exchangeRequests';

type FilterQuery = { department?: string; type?: string; status?: MatterStatus };

/**
 * Import, export and the quality report. Mounted before the JSON body parser: imports are raw
 * bytes (JSON text or an xlsx workbook) with their own, larger limit.
 */
export function exchangeRouter(ctx: AppContext): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: IMPORT_LIMITS.maxFileBytes });

  router.post('/catalog/import', raw, async (req, res) => {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    res.json(await importCatalogFile({ ctx, actor: actorOf(res), ip: req.ip ?? null, bytes, mediaType }));
  });

  router.get('/catalog/export', async (req, res) => {
    const { format = 'json', ...filters } = validateInput<FilterQuery & { format?: ExportFormat }>(exportQuerySchema, req.query, { code: 'BAD_QUERY', prefix: '/query' });
    const file = await exportCatalog({ ctx, actor: actorOf(res), format, filters });
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.body);
  });

  router.get('/catalog/quality', async (req, res) => {
    const filters = validateInput<FilterQuery>(qualityQuerySchema, req.query, { code: 'BAD_QUERY', prefix: '/query' });
    res.json(await catalogQuality({ ctx, actor: actorOf(res), filters }));
  });

  return router;
}
