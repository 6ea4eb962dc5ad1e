import {
  escapePointer,
  materialSlots,
  toFieldIssues,
  withRequiredMaterials,
  type ApplicationSlots,
  type MatterDocument,
} from '@matterflow/schemas';
import type { FieldIssue } from '../../kernel';
import type { FileView } from '../../files';
import type { ReceivedMaterial } from '../Application';
import type { Answers, MaterialFiles } from '../Draft';
import { formValidator } from './formValidator';
import { notUploadable } from './notUploadable';

export interface ApplicationContent {
  answers: Answers;
  formData: Record<string, unknown>;
  materials: MaterialFiles;
}

export interface CheckedApplication {
  issues: FieldIssue[];
  slots: ApplicationSlots;
  received: ReceivedMaterial[];
}

type OwnedFile = FileView & { ownerUserId: number };

function checkAnswers(document: MatterDocument, answers: Answers): FieldIssue[] {
  const questions = new Map((document.guideQuestions ?? []).map((question) => [question.id, question]));
  return Object.entries(answers).flatMap(([id, value]): FieldIssue[] => {
    const pointer = `/answers/${escapePointer(id)}`;
    const question = questions.get(id);
    if (!question) return [{ pointer, code: 'answer.unknown_question', message: `事项没有引导问题“${id}”` }];
    if (!question.options.some((option) => option.value === value))
      return [{ pointer, code: 'answer.unknown_option', message: `“${value}”不是问题“${question.title}”的选项` }];
    return [];
  });
}

function checkFiles(
  materialId: string,
  ids: string[],
  rules: ApplicationSlots['slots'][number]['rules'],
  files: Map<string, OwnedFile>,
  ownerUserId: number,
  name: string,
) {
  return ids.flatMap((id, n): FieldIssue[] => {
    const pointer = `/materials/${escapePointer(materialId)}/${n}`;
    const file = files.get(id);
    if (!file || file.ownerUserId !== ownerUserId)
      return [{ pointer, code: 'file.not_found', message: `“${name}”的第 ${n + 1} 个文件不存在或不属于本人` }];
    if (!(rules.accept as string[]).includes(file.extension))
      return [
        {
          pointer,
          code: 'file.type',
          message: `“${file.name}”是 ${file.extension.toUpperCase()} 文件，“${name}”只接受 ${rules.accept.join('、').toUpperCase()}`,
        },
      ];
    if (file.size > rules.maxBytes)
      return [
        {
          pointer,
          code: 'file.size',
          message: `“${file.name}”超过“${name}”的大小上限 ${Math.round(rules.maxBytes / 1048576)} MB`,
        },
      ];
    if ((file.scan as string) === 'infected')
      return [{ pointer, code: 'file.infected', message: `“${file.name}”未通过病毒扫描` }];
    return [];
  });
}

/** A plugin's reason per material id it made required for this application. */
export type PluginRequired = ReadonlyMap<string, string>;

/**
 * Everything a submitted application must satisfy against its pinned matter version, in the order a
 * window clerk checks it: the guiding answers, the form (the same JSON Schema the portal validates
 * with), then each material slot the answers and the form call for, and each file in it. Pure given
 * the files it is handed; used on save (to warn) and on submit (to refuse).
 */
export function validateApplication({
  document,
  formKey,
  content,
  files,
  ownerUserId,
  pluginRequired = new Map(),
}: {
  document: MatterDocument;
  /** Cache key of the form's compiled validator (code:version, plus the revision for a draft version). */
  formKey: string;
  content: ApplicationContent;
  files: Map<string, OwnedFile>;
  ownerUserId: number;
  /** Materials the pinned plugins' `materials` hook made required, with their reasons. */
  pluginRequired?: PluginRequired;
}): CheckedApplication {
  const issues = checkAnswers(document, content.answers);
  if (document.form) {
    const validate = formValidator(formKey, document.form.schema);
    if (!validate(content.formData)) issues.push(...toFieldIssues(validate.errors, '/formData'));
  }
  const slots = withRequiredMaterials(document, materialSlots(document, content.answers, content.formData), pluginRequired);
  const bySlot = new Map(slots.slots.map((slot) => [slot.material.id, slot]));
  const known = new Set((document.materials ?? []).map((material) => material.id));
  for (const [materialId, ids] of Object.entries(content.materials)) {
    if (ids.length === 0) continue;
    const pointer = `/materials/${escapePointer(materialId)}`;
    const slot = bySlot.get(materialId);
    if (!known.has(materialId)) issues.push({ pointer, code: 'material.unknown', message: `事项没有材料“${materialId}”` });
    else if (!slot) {
      const name = document.materials?.find((material) => material.id === materialId)?.name ?? materialId;
      issues.push({ pointer, code: 'material.not_allowed', message: `按您的情形和填写的内容，不需要提交“${name}”，请移除` });
    } else if (!slot.isUpload) issues.push(notUploadable(slot.material, pointer));
    else if (ids.length > slot.rules.maxFiles)
      issues.push({
        pointer,
        code: 'material.too_many_files',
        message: `“${slot.material.name}”最多 ${slot.rules.maxFiles} 个文件`,
      });
    else issues.push(...checkFiles(materialId, ids, slot.rules, files, ownerUserId, slot.material.name));
  }
  for (const slot of slots.slots) {
    const given = content.materials[slot.material.id] ?? [];
    if (slot.requirement === 'required' && slot.isUpload && given.length === 0) {
      const reason = pluginRequired.get(slot.material.id);
      issues.push({
        pointer: `/materials/${escapePointer(slot.material.id)}`,
        code: 'material.required',
        message: `缺少必须提交的材料“${slot.material.name}”${reason ? `（${reason}）` : ''}`,
      });
    }
  }
  const received = slots.slots.map((slot) => ({
    materialId: slot.material.id,
    name: slot.material.name,
    requirement: slot.requirement,
    isUpload: slot.isUpload,
    copies: slot.material.copies ?? null,
    fileIds: slot.isUpload ? (content.materials[slot.material.id] ?? []) : [],
  }));
  return { issues, slots, received };
}
