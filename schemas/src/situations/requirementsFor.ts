import { evaluateCondition } from '../conditions';
import type { Commitment, Fees, FeeItem, Material, MatterDocument, Situation, TimeLimits } from '../generated/MatterDocument';

/** The parts of a matter document that decide an applicant's requirements. */
export type SituationDocument = Partial<
  Pick<
    MatterDocument,
    | 'materials'
    | 'situations'
    | 'guideQuestions'
    | 'timeLimits'
    | 'projectType'
    | 'online'
    | 'fees'
    | 'flow'
    | 'commitment'
    | 'toleratedAcceptance'
    | 'form'
  >
>;

export interface EffectiveMaterial {
  material: Material;
  /** Ids of the applying situations that add it; empty for a material of the base list. */
  addedBy: string[];
  /** Its own form condition could not be decided: no form data was given. */
  isConditional: boolean;
  /** 容缺受理 allows it to be handed in later. */
  isTolerated: boolean;
}

export interface WaivedMaterial {
  material: Material;
  waivedBy: string[];
}

/** Elements a situation can set, each with the situation that set it (undefined: the matter's own). */
export type SituationElement = 'timeLimits' | 'projectType' | 'sceneVisits' | 'fees' | 'flowStart' | 'commitment';

export interface Requirements {
  materials: EffectiveMaterial[];
  waived: WaivedMaterial[];
  /** Materials whose own form condition the given form data does not meet. */
  notApplicable: Material[];
  timeLimits: TimeLimits | undefined;
  projectType: '1' | '2' | undefined;
  sceneVisits: number | undefined;
  sceneVisitsReason: string | undefined;
  /** The fees, with lines whose condition the form data does not meet left out (kept when no form data). */
  fees: Fees | undefined;
  /** The flow node where the case starts. */
  flowStart: string | undefined;
  commitment: Commitment | undefined;
  /** Which situation supplied each element; an element absent here is the matter's own. */
  from: Partial<Record<SituationElement, string>>;
  /**
   * Elements two applying situations set differently: the first in document order wins, the
   * others are named so the portal and the clerk can see the choice.
   */
  conflicts: { element: SituationElement; situations: string[] }[];
}

/** Material ids some situation adds: those are needed only in the situations that add them. */
export function situationOnlyMaterialIds(document: SituationDocument): Set<string> {
  return new Set((document.situations ?? []).flatMap((situation) => situation.materials?.add ?? []));
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The first applying situation that sets an element, and whether another sets it differently. */
function pick<T>(
  situations: readonly Situation[],
  element: SituationElement,
  read: (situation: Situation) => T | undefined,
  from: Requirements['from'],
  conflicts: Requirements['conflicts'],
): T | undefined {
  const setting = situations.filter((situation) => read(situation) !== undefined);
  const first = setting[0];
  if (!first) return undefined;
  const value = read(first);
  from[element] = first.id;
  const differing = setting.filter((situation) => !sameJson(read(situation), value));
  if (differing.length > 0) conflicts.push({ element, situations: [first.id, ...differing.map((s) => s.id)] });
  return value;
}

function feesFor(fees: Fees | undefined, formData: unknown): Fees | undefined {
  if (!fees || formData === undefined || !fees.items) return fees;
  const items = fees.items.filter((item: FeeItem) => item.condition === undefined || evaluateCondition(item.condition, formData));
  return { ...fees, items };
}

/**
 * What an applicant in exactly these situations needs: the base materials plus what the situations
 * add, minus what they waive (a waiver wins over another situation's addition), each material's own
 * form condition applied when form data is given; and the situations' limits, 办件类型, 到现场次数,
 * fees, flow start and 告知承诺 in place of the matter's. Pure: the portal, the guide and intake call it.
 */
export function requirementsFor(document: SituationDocument, situations: readonly Situation[], formData?: unknown): Requirements {
  const from: Requirements['from'] = {};
  const conflicts: Requirements['conflicts'] = [];
  const situationOnly = situationOnlyMaterialIds(document);
  const tolerated = new Set(document.toleratedAcceptance?.materials ?? []);
  const addedBy = (id: string) => situations.filter((s) => s.materials?.add?.includes(id)).map((s) => s.id);
  const waivedBy = (id: string) => situations.filter((s) => s.materials?.waive?.includes(id)).map((s) => s.id);

  const materials: EffectiveMaterial[] = [];
  const waived: WaivedMaterial[] = [];
  const notApplicable: Material[] = [];
  for (const material of document.materials ?? []) {
    const adders = addedBy(material.id);
    if (situationOnly.has(material.id) && adders.length === 0) continue;
    const waivers = waivedBy(material.id);
    if (waivers.length > 0) {
      waived.push({ material, waivedBy: waivers });
      continue;
    }
    const hasCondition = material.condition !== undefined;
    if (hasCondition && formData !== undefined && !evaluateCondition(material.condition, formData)) {
      notApplicable.push(material);
      continue;
    }
    materials.push({
      material,
      addedBy: adders,
      isConditional: hasCondition && formData === undefined,
      isTolerated: tolerated.has(material.id),
    });
  }

  const timeLimits = pick(situations, 'timeLimits', (s) => s.timeLimits, from, conflicts);
  const projectType = pick(situations, 'projectType', (s) => s.projectType, from, conflicts);
  // The reason belongs to the count it explains, so both come from the same place.
  const visits = pick(
    situations,
    'sceneVisits',
    (s) => (s.sceneVisits === undefined ? undefined : { count: s.sceneVisits, reason: s.sceneVisitsReason }),
    from,
    conflicts,
  );
  const fees = pick(situations, 'fees', (s) => s.fees, from, conflicts);
  const flowStart = pick(situations, 'flowStart', (s) => s.flowStart, from, conflicts);
  const commitment = pick(situations, 'commitment', (s) => s.commitment, from, conflicts);

  return {
    materials,
    waived,
    notApplicable,
    // Per limit: a situation that sets only its promise keeps the matter's statutory limit.
    timeLimits: timeLimits ? { ...document.timeLimits, ...timeLimits } : document.timeLimits,
    projectType: projectType ?? document.projectType,
    sceneVisits: visits ? visits.count : document.online?.sceneVisits,
    sceneVisitsReason: visits ? visits.reason : document.online?.sceneVisitsReason,
    fees: feesFor(fees ?? document.fees, formData),
    flowStart: flowStart ?? document.flow?.start,
    commitment: commitment ?? document.commitment,
    from,
    conflicts,
  };
}
