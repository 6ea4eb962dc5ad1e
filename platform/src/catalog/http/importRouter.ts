import { Router } from 'express';
import type { AppContext } from '../../http/AppContext';

// Replaced once the exchange module lands (import/export/quality).
export function importRouter(_ctx: AppContext): Router {
  return Router();
}
