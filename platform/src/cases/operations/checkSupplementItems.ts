import type { MatterDocument } from '@matterflow/schemas';
import type { FieldIssue } from '../../kernel';
import type { SupplementItem } from '../Case';
import type { AcceptanceInput } from './AcceptanceInput';

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode };

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** Whether a JSON pointer leads to a field the form's JSON Schema declares (array elements by index). */
function isFormField(schema: SchemaNode | undefined, pointer: string): boolean {
  let node = schema;
  for (const segment of pointer.split('/').slice(1).map(unescape)) {
    const property = node?.properties?.[segment];
    if (property) node = property;
    else if (node?.items && /^(0|[1-9][0-9]*)$/.test(segment)) node = node.items;
    else return false;
  }
  return node !== undefined && node !== schema;
}

/**
 * A 补正 notice may only ask for what the application's version lists: its materials and the fields
 * of its form, each once (the notice is the one complete list 第三十二条 requires).
 */
export function checkSupplementItems(
  document: MatterDocument,
  items: NonNullable<AcceptanceInput['items']>,
): { items: SupplementItem[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const materialIds = new Set((document.materials ?? []).map((material) => material.id));
  const formSchema = (document.form as { schema?: SchemaNode } | undefined)?.schema;
  const checked = items.map((item, index): SupplementItem => {
    const key = item.kind === 'material' ? `m:${item.materialId}` : `f:${item.pointer}`;
    if (seen.has(key))
      issues.push({ pointer: `/items/${index}`, code: 'supplement.item_repeated', message: '同一项材料或字段列了两次' });
    seen.add(key);
    if (item.kind === 'material') {
      const materialId = item.materialId ?? '';
      if (!materialIds.has(materialId))
        issues.push({
          pointer: `/items/${index}/materialId`,
          code: 'supplement.material_unknown',
          message: '本事项的这一版本没有这份材料',
        });
      return { kind: 'material', materialId, reason: item.reason };
    }
    const pointer = item.pointer ?? '';
    if (!isFormField(formSchema, pointer))
      issues.push({ pointer: `/items/${index}/pointer`, code: 'supplement.field_unknown', message: '申请表没有这个字段' });
    return { kind: 'field', pointer, reason: item.reason };
  });
  return { items: checked, issues };
}
