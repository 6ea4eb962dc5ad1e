import { readFileSync } from 'node:fs';
import { HOOK_NAMES, pluginMetaSchema } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { PLUGIN_TYPE_FILES } from './renderPluginTypes';

describe('generated plugin types', () => {
  it.each(Object.entries(PLUGIN_TYPE_FILES))(
    '%s matches its schema (run `npm run gen:types` after changing it)',
    async (path, render) => {
      const committed = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
      expect(committed).toBe(await render());
    },
  );

  it('the manifest names exactly the platform’s hooks', () => {
    const properties = pluginMetaSchema.properties as Record<string, { propertyNames?: { enum: string[] }; items?: unknown }>;
    expect(properties.hooks?.propertyNames?.enum).toEqual(HOOK_NAMES);
    const example = (properties.examples?.items as { properties: { hook: { enum: string[] } } }).properties.hook;
    expect(example.enum).toEqual(HOOK_NAMES);
  });
});
