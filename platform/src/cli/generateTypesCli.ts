import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDocumentTypes } from './renderDocumentTypes';

const target = fileURLToPath(new URL('../../../schemas/src/generated/MatterDocument.ts', import.meta.url));
writeFileSync(target, await renderDocumentTypes());
console.log(`wrote ${target}`);
