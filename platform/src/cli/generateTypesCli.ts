import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDocumentTypes } from './renderDocumentTypes';
import { PLUGIN_TYPE_FILES } from './renderPluginTypes';

const target = fileURLToPath(new URL('../../../schemas/src/generated/MatterDocument.ts', import.meta.url));
writeFileSync(target, await renderDocumentTypes());
console.log(`wrote ${target}`);
for (const [path, render] of Object.entries(PLUGIN_TYPE_FILES)) {
  const file = fileURLToPath(new URL(`../../../${path}`, import.meta.url));
  writeFileSync(file, await render());
  console.log(`wrote ${file}`);
}
