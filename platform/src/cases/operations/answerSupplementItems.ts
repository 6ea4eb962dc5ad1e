import { escapePointer, isUploadable, type MatterDocument } from '@matterflow/schemas';
import type { FieldIssue } from '../../kernel';
import type { SupplementItem } from '../Case';
import { supplementItemName } from './supplementItemName';

/** The body of POST /api/cases/{number}/supplement (its JSON Schema is in http/applicantSchemas.ts). */
export interface SupplementAnswerInput {
  idempotencyKey: string;
  /** The notice answered (the case's supplementCount as read): a later notice makes this one stale. */
  notice: number;
  /** Listed materials → the files that replace what the application had for them. */
  materials?: Record<string, string[]>;
  /** The listed fields' new values, at their pointers; nothing else of the form. */
  formData?: Record<string, unknown>;
}

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');
const segmentsOf = (pointer: string) => pointer.split('/').slice(1).map(unescape);

/** The value at a pointer of the form (undefined when it is not there). */
export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of segmentsOf(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Every place in the answer's form that holds a value no listed pointer covers. */
function unlisted(node: unknown, pointer: string, listed: readonly string[]): string[] {
  if (listed.includes(pointer)) return [];
  const isOnTheWay = listed.some((candidate) => candidate.startsWith(`${pointer}/`));
  if (!isOnTheWay || typeof node !== 'object' || node === null) return [pointer];
  return Object.entries(node).flatMap(([key, value]) => unlisted(value, `${pointer}/${escapePointer(key)}`, listed));
}

/**
 * An answer supplies exactly what the open notice lists (一次性告知: the notice is the whole list):
 * a file for each listed material that takes files, a value for each listed field, and nothing
 * else. Pointers are into the answer's body, `/materials/{id}` and `/formData/…`, which is also
 * where the whole application's validation points afterwards.
 */
export function checkSupplementAnswer(
  document: MatterDocument,
  items: readonly SupplementItem[],
  answer: Pick<SupplementAnswerInput, 'materials' | 'formData'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const materials = answer.materials ?? {};
  const formData = answer.formData ?? {};
  const listedMaterials = items.flatMap((item) => (item.kind === 'material' ? [item.materialId] : []));
  const listedFields = items.flatMap((item) => (item.kind === 'field' ? [`/formData${item.pointer}`] : []));
  for (const materialId of Object.keys(materials))
    if (!listedMaterials.includes(materialId))
      issues.push({
        pointer: `/materials/${escapePointer(materialId)}`,
        code: 'supplement.not_listed',
        message: '补正通知没有要求这份材料',
      });
  const fieldsGiven = Object.entries(formData).flatMap(([key, value]) =>
    unlisted(value, `/formData/${escapePointer(key)}`, listedFields),
  );
  for (const pointer of fieldsGiven)
    issues.push({ pointer, code: 'supplement.not_listed', message: '补正通知没有要求修改这一项' });
  for (const item of items) {
    if (item.kind === 'material') {
      const material = document.materials?.find((candidate) => candidate.id === item.materialId);
      // A paper-only material is handed in at the window: an answer online cannot carry it.
      if (!material || !isUploadable(material) || (materials[item.materialId] ?? []).length > 0) continue;
      issues.push({
        pointer: `/materials/${escapePointer(item.materialId)}`,
        code: 'supplement.item_missing',
        message: `补正通知要求提交“${material.name}”`,
      });
    } else if (valueAt(formData, item.pointer) === undefined)
      issues.push({
        pointer: `/formData${item.pointer}`,
        code: 'supplement.item_missing',
        message: `补正通知要求修改“${supplementItemName(document, item)}”`,
      });
  }
  return issues;
}
