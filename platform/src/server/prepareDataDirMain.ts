import pino from 'pino';
import { loadConfig } from '../infra';
import { bootstrap } from './bootstrap';

// The child of prepareDataDirApart: a start-up without listening. Its log goes to the parent's
// error output only when it fails, so only warnings and worse are written.
const config = loadConfig();
const booted = await bootstrap({ config, logger: pino({ level: 'warn' }) });
await booted.deps.db.close();
booted.files.dispose();
