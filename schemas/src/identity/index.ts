export {
  checkIdNumber,
  normalizeIdNumber,
  maskIdNumber,
  idNumberCheckCharacter,
  ID_NUMBER_LENGTH,
  PHONE_PATTERN,
  type IdNumberIssue,
  type IdNumberIssueCode,
} from './checkIdNumber';
