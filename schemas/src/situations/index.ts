export { resolveSituations, type GuideAnswers, type SituationResolution } from './resolveSituations';
export {
  requirementsFor,
  situationOnlyMaterialIds,
  type EffectiveMaterial,
  type Requirements,
  type SituationDocument,
  type SituationElement,
  type WaivedMaterial,
} from './requirementsFor';
export { describeSituation } from './describeSituation';
export { whenMentions, type WhenMention } from './whenMentions';
