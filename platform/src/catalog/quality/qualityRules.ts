import type { QualityRule } from './QualityRule';
import { basisArticleMissing, basisMissing } from './rules/basisRules';
import {
  codeDuplicate,
  codeMalformed,
  codeMissing,
  codePrefixMismatch,
  departmentInvalid,
  departmentUnknown,
  nameInconsistent,
} from './rules/codeRules';
import { feeAmountMismatch, feeBasisMissing, feeItemsMissing, feeWaiverBasisMissing } from './rules/feeRules';
import { basisLevelCannotSet, basisRepealed, feeLevelCannotSet } from './rules/lawRules';
import {
  flowBudgetExceedsPromise,
  limitCommitmentZero,
  limitInstantNonzero,
  limitMissing,
  limitPromiseExceedsStatutory,
  limitUnitMissing,
  procedureUnbounded,
} from './rules/limitRules';
import {
  materialAcceptStandardMissing,
  materialBasisMissing,
  materialDuplicate,
  materialFetchable,
  materialLicenceSelfProvided,
} from './rules/materialRules';
import { onlineConsultOnly, onlineVisitsUnexplained } from './rules/onlineRules';
import { prerequisiteCycle, prerequisiteNotStatutory, prerequisiteUnknown } from './rules/prerequisiteRules';
import { safetyDeemedApproval } from './rules/safetyRules';
import { basisInconsistent, limitInconsistent, nameMultipleCodes, typeInconsistent } from './rules/sameMatterRules';

/** Every catalog quality rule (docs/quality.md), in report order. */
export const qualityRules: readonly QualityRule[] = [
  codeMissing,
  codeMalformed,
  codePrefixMismatch,
  codeDuplicate,
  departmentInvalid,
  departmentUnknown,
  nameInconsistent,
  typeInconsistent,
  basisInconsistent,
  limitInconsistent,
  nameMultipleCodes,
  basisMissing,
  basisArticleMissing,
  basisLevelCannotSet,
  basisRepealed,
  limitMissing,
  limitPromiseExceedsStatutory,
  limitInstantNonzero,
  limitCommitmentZero,
  limitUnitMissing,
  flowBudgetExceedsPromise,
  procedureUnbounded,
  safetyDeemedApproval,
  feeItemsMissing,
  feeBasisMissing,
  feeLevelCannotSet,
  feeAmountMismatch,
  feeWaiverBasisMissing,
  materialBasisMissing,
  materialAcceptStandardMissing,
  materialDuplicate,
  materialFetchable,
  materialLicenceSelfProvided,
  prerequisiteCycle,
  prerequisiteUnknown,
  prerequisiteNotStatutory,
  onlineConsultOnly,
  onlineVisitsUnexplained,
];
