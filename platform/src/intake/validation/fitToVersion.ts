import {
  createAjv,
  escapePointer,
  formFieldChanges,
  limitWords,
  materialListChanges,
  uploadRulesFor,
  type MatterDocument,
} from '@matterflow/schemas';
import type { FileView } from '../../files';
import type { ApplicationContent } from './validateApplication';

/** Keywords whose failure means the value itself no longer fits (a missing value is not removed). */
const VALUE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'additionalProperties',
  'false schema',
]);

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function removeAt(root: Record<string, unknown>, pointer: string): boolean {
  const segments = pointer.split('/').slice(1).map(unescape);
  const last = segments.pop();
  if (last === undefined) return false;
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  if (typeof node !== 'object' || node === null || !(last in node)) return false;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete (node as Record<string, unknown>)[last];
  return true;
}

function fitFormData(schema: object | undefined, formData: Record<string, unknown>, dropped: string[]): Record<string, unknown> {
  const data = structuredClone(formData);
  if (!schema) return data;
  const properties = (schema as { properties?: Record<string, unknown> }).properties;
  if (properties) {
    for (const key of Object.keys(data)) {
      if (!(key in properties)) {
        delete data[key];
        dropped.push(`/formData/${escapePointer(key)}`);
      }
    }
  }
  const validate = createAjv().compile(schema);
  // Removing one value can reveal another (an enum inside an object that was a string before): a few rounds.
  for (let round = 0; round < 5 && !validate(data); round++) {
    let removed = false;
    for (const error of validate.errors ?? []) {
      if (!VALUE_KEYWORDS.has(error.keyword)) continue;
      const extra = error.params.additionalProperty as string | undefined;
      const pointer = extra === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(extra)}`;
      if (pointer !== '' && removeAt(data, pointer)) {
        dropped.push(`/formData${pointer}`);
        removed = true;
      }
    }
    if (!removed) break;
  }
  return data;
}

/**
 * Carries a draft's answers over to a newer version of its matter, keeping every answer, form value
 * and file that still fits and naming what had to go. Nothing is guessed: a value the new form would
 * refuse is removed rather than converted, and the applicant is told.
 */
export function fitToVersion(
  to: MatterDocument,
  content: ApplicationContent,
  files: Map<string, FileView>,
): { content: ApplicationContent; dropped: string[] } {
  const dropped: string[] = [];
  const questions = new Map((to.guideQuestions ?? []).map((question) => [question.id, question]));
  const answers = Object.fromEntries(
    Object.entries(content.answers).filter(([id, value]) => {
      const fits = questions.get(id)?.options.some((option) => option.value === value) === true;
      if (!fits) dropped.push(`/answers/${escapePointer(id)}`);
      return fits;
    }),
  );
  const formData = fitFormData(to.form?.schema, content.formData, dropped);
  const materials: Record<string, string[]> = {};
  for (const [materialId, ids] of Object.entries(content.materials)) {
    const material = to.materials?.find((candidate) => candidate.id === materialId);
    if (!material) {
      if (ids.length > 0) dropped.push(`/materials/${escapePointer(materialId)}`);
      continue;
    }
    const rules = uploadRulesFor(material);
    materials[materialId] = ids.filter((id, n) => {
      const file = files.get(id);
      const fits = file !== undefined && (rules.accept as string[]).includes(file.extension) && file.size <= rules.maxBytes;
      if (!fits) dropped.push(`/materials/${escapePointer(materialId)}/${n}`);
      return fits;
    });
  }
  return { content: { answers, formData, materials }, dropped };
}

/**
 * What changed between two versions, in the sentences an applicant reads above the form. Which
 * materials, fields and limits changed is decided by the functions the clerk's version diff uses
 * (`describeChanges` in @matterflow/schemas), so the two cannot disagree; only the words differ.
 */
export function describeUpgrade(from: MatterDocument, to: MatterDocument): string[] {
  const changes: string[] = [];
  const quoted = (names: string[]) => names.map((name) => `“${name}”`).join('、');
  const materials = materialListChanges(from, to);
  if (materials.added.length > 0) changes.push(`申请材料新增：${quoted(materials.added.map((m) => m.name))}`);
  if (materials.removed.length > 0) changes.push(`申请材料不再需要：${quoted(materials.removed.map((m) => m.name))}`);
  const fields = formFieldChanges(from.form, to.form);
  if (fields.added.length > 0) changes.push(`申请表新增填写项：${quoted(fields.added.map((f) => f.title))}`);
  if (fields.removed.length > 0) changes.push(`申请表删去填写项：${quoted(fields.removed.map((f) => f.title))}`);
  const promised = (doc: MatterDocument) => limitWords(doc.timeLimits?.promised, '未承诺');
  if (promised(from) !== promised(to)) changes.push(`承诺办结时限由 ${promised(from)} 改为 ${promised(to)}`);
  if (from.fees?.isFee !== to.fees?.isFee) changes.push(to.fees?.isFee ? '本事项改为收费' : '本事项改为不收费');
  if (changes.length === 0) changes.push('办事指南的说明有更新，申请材料和填写项没有变化');
  return changes;
}
