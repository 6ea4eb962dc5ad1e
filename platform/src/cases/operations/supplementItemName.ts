import type { MatterDocument } from '@matterflow/schemas';
import type { SupplementItem } from '../Case';

type SchemaNode = { title?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * What the applicant calls an item of a 补正 notice: the material's name, or the field's title in
 * the version's form (the nearest titled field for an element of a list), never an id or pointer.
 */
export function supplementItemName(document: MatterDocument, item: SupplementItem): string {
  if (item.kind === 'material')
    return document.materials?.find((material) => material.id === item.materialId)?.name ?? item.materialId;
  let node = (document.form as { schema?: SchemaNode } | undefined)?.schema;
  let title: string | undefined;
  for (const segment of item.pointer.split('/').slice(1).map(unescape)) {
    node = node?.properties?.[segment] ?? (/^\d+$/.test(segment) ? node?.items : undefined);
    title = node?.title ?? (/^\d+$/.test(segment) ? title && `${title}（第 ${Number(segment) + 1} 项）` : segment);
  }
  return title ?? item.pointer;
}
