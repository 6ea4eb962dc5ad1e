import { evaluateCondition } from '../conditions';
import type { Situation } from '../generated/MatterDocument';
import { requirementsFor, type Requirements, type SituationDocument } from './requirementsFor';

/** The applicant's answers to the guiding questions: question id → option value. */
export type GuideAnswers = Readonly<Record<string, string>>;

export interface SituationResolution extends Requirements {
  /** The situations that apply, in document order. */
  situations: Situation[];
  /**
   * Situations whose `when` holds but whose form `condition` cannot be decided yet (no form data):
   * the portal says "if …"; intake, which has the form, never sees one.
   */
  undetermined: Situation[];
}

/**
 * Which 办理情形 apply to an applicant and what that applicant must therefore bring: a situation
 * applies when its `when` holds over the guiding answers and its `condition` over the form data
 * (each evaluated like every other condition, with the shared Ajv; an absent one holds). Without
 * form data a situation with a form condition is undetermined and its requirements are not applied.
 */
export function resolveSituations(document: SituationDocument, answers: GuideAnswers, formData?: unknown): SituationResolution {
  const applying: Situation[] = [];
  const undetermined: Situation[] = [];
  for (const situation of document.situations ?? []) {
    if (situation.when !== undefined && !evaluateCondition(situation.when, answers)) continue;
    if (situation.condition === undefined) applying.push(situation);
    else if (formData === undefined) undetermined.push(situation);
    else if (evaluateCondition(situation.condition, formData)) applying.push(situation);
  }
  return { situations: applying, undetermined, ...requirementsFor(document, applying, formData) };
}
