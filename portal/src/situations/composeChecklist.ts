import {
  describeSituation,
  requirementsFor,
  resolveSituations,
  type EffectiveMaterial,
  type GuideAnswers,
  type MatterDocument,
  type Requirements,
  type Situation,
} from '@matterflow/schemas';

/** A situation the answers point to whose form condition only the application form can settle. */
export interface AssumedSituation {
  situation: Situation;
  /** When it applies, in words (questions and form fields by their titles). */
  appliesWhen: string;
}

export interface Checklist extends Requirements {
  /** Every guiding question has an answer. */
  isComplete: boolean;
  /** Questions still to answer, in document order. */
  unanswered: string[];
  /** Situations that apply from the answers alone. */
  situations: Situation[];
  /**
   * Situations whose `when` holds but whose form condition is undecided before the form exists: the
   * list assumes the applicant will fill the form as answered and says so beside each one.
   */
  assumed: AssumedSituation[];
}

/**
 * The one-time notice (一次告知) for these answers: exactly what resolveSituations — the code intake
 * and the guide use — says applies, plus the situations the answers point to whose form condition
 * cannot be decided yet, taken as applying and named as assumptions. Pure.
 */
export function composeChecklist(document: MatterDocument, answers: GuideAnswers): Checklist {
  const questions = document.guideQuestions ?? [];
  // Only answers that are one of a question's options count; a stale URL must not select nothing silently.
  const valid: Record<string, string> = {};
  for (const question of questions) {
    const answer = answers[question.id];
    if (answer !== undefined && question.options.some((option) => option.value === answer)) valid[question.id] = answer;
  }
  const resolution = resolveSituations(document, valid);
  const applying = [...resolution.situations, ...resolution.undetermined];
  const order = (document.situations ?? []).filter((situation) => applying.includes(situation));
  const requirements = resolution.undetermined.length === 0 ? resolution : requirementsFor(document, order);
  const unanswered = questions.filter((question) => valid[question.id] === undefined).map((question) => question.id);
  return {
    ...requirements,
    isComplete: unanswered.length === 0,
    unanswered,
    situations: resolution.situations,
    assumed: resolution.undetermined.map((situation) => ({ situation, appliesWhen: describeSituation(situation, document) })),
  };
}

/** How a material is handed in, in the guide's words. */
export function submissionOf({ material }: EffectiveMaterial): string {
  if (material.source === '调取电子证照库') return '免提交（窗口调取电子证照）';
  if (material.necessity === '信息免交') return '信息免交';
  const copies = material.copies ?? 1;
  return `${material.type ?? '原件'} ${copies}份${material.format ? `（${material.format}）` : ''}`;
}

/** The exceptions a checklist marks: 非必要, 容缺后补. */
export function marksOf(effective: EffectiveMaterial): string[] {
  const marks: string[] = [];
  if (effective.material.necessity === '非必要') marks.push('非必要');
  if (effective.isTolerated || effective.material.necessity === '容缺后补') marks.push('可容缺后补');
  if (effective.isConditional) marks.push('视申请表填写而定');
  return marks;
}
