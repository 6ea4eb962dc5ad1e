import { materialSlots } from '@matterflow/schemas';
import { getMatterVersion } from '../../catalog';
import { getFiles, type FileView } from '../../files';
import { SYSTEM_ACTOR, type Call, type FieldIssue, type Queryable, type UserActor } from '../../kernel';
import type { ApplicationRecord } from '../Application';
import type { IntakeDeps } from '../intakeDeps';
import { updateApplicationContent } from '../store/applicationStore';
import { validateApplication } from '../validation/validateApplication';

/** What an amendment changes: a material's files (replacing those it had), a form field's value (absent: removed). */
export interface ApplicationAmendment {
  materials: Record<string, string[]>;
  fields: { pointer: string; value?: unknown }[];
}

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** A copy of `data` with the value at `pointer` set (or removed), creating the objects on the way. */
function withValue(data: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const root = structuredClone(data);
  const segments = pointer.split('/').slice(1).map(unescape);
  const last = segments.pop();
  if (last === undefined) return root;
  let node: Record<string, unknown> = root;
  for (const segment of segments) {
    const next = node[segment];
    if (typeof next !== 'object' || next === null) node[segment] = /^\d+$/.test(segment) ? [] : {};
    node = node[segment] as Record<string, unknown>;
  }
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return root;
}

/**
 * The applicant amends a submitted application (a 补正 answer, in the case engine's transaction,
 * which has checked that each change was asked for): the new field values and files are merged in,
 * and the whole application is validated again against its pinned version, as a submit is — form,
 * material slots, each file's sniffed type, size and scan. Issues: nothing is written. Files already
 * received with the application count as the amender's own (a citizen may answer for a 代办 a
 * clerk filed); new ones must be theirs. Materials the amended form no longer calls for are dropped.
 */
export async function amendApplication(
  deps: IntakeDeps,
  call: Call & { tx: Queryable; actor: UserActor },
  { record, amendment }: { record: ApplicationRecord; amendment: ApplicationAmendment },
): Promise<{ issues: FieldIssue[]; application: ApplicationRecord }> {
  const { tx, actor } = call;
  const matter = await getMatterVersion(deps, { actor: SYSTEM_ACTOR, tx }, { code: record.matterCode, version: record.version });
  const formData = amendment.fields.reduce((data, field) => withValue(data, field.pointer, field.value), record.formData);
  const called = new Set(materialSlots(matter.document, record.answers, formData).slots.map((slot) => slot.material.id));
  const materials: Record<string, string[]> = {};
  for (const material of record.materials) if (called.has(material.materialId)) materials[material.materialId] = material.fileIds;
  Object.assign(materials, amendment.materials);
  const received = new Set(record.materials.flatMap((material) => material.fileIds));
  const ids = [...new Set(Object.values(materials).flat())];
  const files = new Map<string, FileView & { ownerUserId: number }>();
  for (const file of ids.length > 0 ? await getFiles(deps, { actor: SYSTEM_ACTOR, tx }, ids) : [])
    files.set(file.id, received.has(file.id) ? { ...file, ownerUserId: actor.userId } : file);
  const checked = validateApplication({
    document: matter.document,
    formKey: `${matter.code}:${matter.version}`,
    content: { answers: record.answers, formData, materials },
    files,
    ownerUserId: actor.userId,
  });
  const application = { ...record, formData, materials: checked.received };
  if (checked.issues.length === 0) await updateApplicationContent(tx, application);
  return { issues: checked.issues, application };
}
