import { Router } from 'express';
import { openApiDocument } from './openApiDocument';

export function openApiRouter(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  return router;
}
