export { checkCodeFormat, checkDepartmentKnown, isCodePatternIssue } from './codeRules';
export { checkInstantPromise, checkLimitUnits, checkPromiseWithinStatute, compareLimits, readTimeLimit } from './limitRules';
export {
  allBasisRefs,
  checkBasisArticles,
  checkBasisPresent,
  matterBasisRefs,
  settingBasisRefs,
  type LegalRef,
} from './basisRules';
export { checkFeeBasis } from './feeRules';
