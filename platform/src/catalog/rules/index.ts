export { checkCodeFormat, checkDepartmentKnown, isCodePatternIssue } from './codeRules';
export { checkInstantPromise, checkLimitUnits, checkPromiseWithinStatute, exceedsStatutory, readTimeLimit } from './limitRules';
export { allBasisRefs, checkBasisArticles, checkBasisPresent, matterBasisRefs, type LegalRef } from './basisRules';
export { checkFeeBasis } from './feeRules';
