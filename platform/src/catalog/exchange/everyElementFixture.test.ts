import { readFileSync } from 'node:fs';
import { metaSchemas } from '@matterflow/schemas';
import { describe, expect, it } from 'vitest';
import { isPlainObject } from './documentPaths';
import { matterSchema, propertiesOf, resolveNode, type SchemaNode } from './schemaNodes';

const everyElement = JSON.parse(
  readFileSync(new URL('../../../../tests/fixtures/every-v2-element.json', import.meta.url), 'utf8'),
) as unknown;

/** Meta-schema paths (`*` for list items) that no value in `values` has. */
function uncovered(root: SchemaNode, node: SchemaNode, values: readonly unknown[], path: readonly string[]): string[] {
  return propertiesOf(node).flatMap(([prop, raw]) => {
    const at = [...path, prop];
    const present = values.filter(isPlainObject).flatMap((value) => (prop in value ? [value[prop]] : []));
    if (present.length === 0) return [at.join('/')];
    const resolved = resolveNode(root, raw);
    if (resolved.kind === 'objectList')
      return uncovered(root, resolveNode(root, resolved.node.items).node, present.flat(), [...at, '*']);
    if (resolved.kind === 'object' || resolved.kind === 'duration') return uncovered(root, resolved.node, present, at);
    return [];
  });
}

/**
 * The exchange tests round-trip this fixture through xlsx, JSON and the national format; they prove
 * that every element travels only while the fixture has every element, so a new one must be added here.
 */
describe('tests/fixtures/every-v2-element.json', () => {
  it('is a valid matter that uses every element of the meta-schema, in lists and definitions too', () => {
    expect(metaSchemas().matter(everyElement), JSON.stringify(metaSchemas().matter.errors)).toBe(true);
    expect(uncovered(matterSchema(), matterSchema(), [everyElement], [])).toEqual([]);
  });
});
