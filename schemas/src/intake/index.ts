export { uploadRulesFor, describeUploadRules, DEFAULT_UPLOAD, type UploadKind, type UploadRules } from './uploadRulesFor';
export {
  materialSlots,
  withRequiredMaterials,
  isUploadable,
  REQUIREMENT_LABELS,
  type ApplicationSlots,
  type MaterialRequirement,
  type MaterialSlot,
} from './materialSlots';
