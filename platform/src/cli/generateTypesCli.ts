import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDocumentTypes } from '../metaschema/renderDocumentTypes';

const target = fileURLToPath(new URL('../metaschema/generated/MatterDocument.ts', import.meta.url));
writeFileSync(target, await renderDocumentTypes());
console.log(`wrote ${target}`);
