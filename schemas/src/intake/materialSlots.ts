import type { Material } from '../generated/MatterDocument';
import { resolveSituations, type GuideAnswers, type SituationResolution } from '../situations';
import type { SituationDocument } from '../situations';
import { uploadRulesFor, type UploadRules } from './uploadRulesFor';

/**
 * How a material is handed in: 必须提交, 可选, 容缺后补 (may follow after acceptance), 免提交 (the
 * window fetches it from another register or the 电子证照库), or 在线填写 (the application form
 * itself is this material). For the last two the applicant uploads nothing.
 */
export type MaterialRequirement = 'required' | 'optional' | 'tolerated' | 'fetched' | 'filled';

export const REQUIREMENT_LABELS: Record<MaterialRequirement, string> = {
  required: '必须提交',
  optional: '可选',
  tolerated: '容缺后补',
  fetched: '免提交（由窗口调取）',
  filled: '在线填写本申请表即可',
};

export interface MaterialSlot {
  material: Material;
  requirement: MaterialRequirement;
  /** Electronic copies can be uploaded (not for a paper-only material, brought to the window, nor the online form itself). */
  isUpload: boolean;
  rules: UploadRules;
  /** Situations that add it (empty for the base list). */
  addedBy: string[];
}

export interface ApplicationSlots {
  slots: MaterialSlot[];
  resolution: SituationResolution;
}

/** Whether the applicant uploads files for it: not a paper-only material, nor the online form itself. */
export function isUploadable(material: Pick<Material, 'format' | 'source'>): boolean {
  return material.format !== '纸质' && material.source !== '在线填报';
}

function requirementOf(material: Material, isTolerated: boolean): MaterialRequirement {
  if (material.source === '在线填报') return 'filled';
  if (material.necessity === '信息免交' || material.source === '调取电子证照库') return 'fetched';
  if (material.necessity === '容缺后补' || isTolerated) return 'tolerated';
  if (material.necessity === '非必要') return 'optional';
  return 'required';
}

/**
 * The material slots of one application: what the apply page shows beside the form and what intake
 * checks on submit, from the same situations and conditions. With form data every condition is
 * decided; a material whose condition is not met, or that no applying situation adds, has no slot.
 */
export function materialSlots(document: SituationDocument, answers: GuideAnswers, formData?: unknown): ApplicationSlots {
  const resolution = resolveSituations(document, answers, formData);
  const slots = resolution.materials.map(({ material, addedBy, isTolerated }) => ({
    material,
    requirement: requirementOf(material, isTolerated),
    isUpload: isUploadable(material),
    rules: uploadRulesFor(material),
    addedBy,
  }));
  return { slots, resolution };
}

/**
 * The slots with the materials department plugins made required for this application (their
 * `materials` hook): a material of the matter's own list becomes 必须提交 even where its own
 * condition left it out; ids the matter does not list are ignored (a plugin cannot invent
 * materials), and one fetched or filled online stays as it is. The same on the apply page and at submit.
 */
export function withRequiredMaterials(
  document: Pick<SituationDocument, 'materials'>,
  slots: ApplicationSlots,
  required: ReadonlyMap<string, string>,
): ApplicationSlots {
  if (required.size === 0) return slots;
  const listed = slots.slots.map((slot) =>
    required.has(slot.material.id) && slot.requirement !== 'filled' && slot.requirement !== 'fetched'
      ? { ...slot, requirement: 'required' as const }
      : slot,
  );
  const added = (document.materials ?? [])
    .filter((material) => required.has(material.id) && !slots.slots.some((slot) => slot.material.id === material.id))
    .map((material) => ({
      material,
      requirement: 'required' as const,
      isUpload: isUploadable(material),
      rules: uploadRulesFor(material),
      addedBy: [],
    }));
  return { ...slots, slots: [...listed, ...added] };
}
