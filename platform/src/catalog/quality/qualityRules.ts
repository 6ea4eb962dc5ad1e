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
import { feeBasisMissing, feeWaiverBasisMissing } from './rules/feeRules';
import { limitInstantNonzero, limitPromiseExceedsStatutory, limitUnitMissing } from './rules/limitRules';
import { materialAcceptStandardMissing, materialBasisMissing, materialDuplicate, materialFetchable } from './rules/materialRules';
import { onlineConsultOnly } from './rules/onlineRules';
import { prerequisiteCycle, prerequisiteNotStatutory } from './rules/prerequisiteRules';

/** Every catalog quality rule (docs/quality.md), in report order. */
export const qualityRules: readonly QualityRule[] = [
  codeMissing,
  codeMalformed,
  codePrefixMismatch,
  codeDuplicate,
  departmentInvalid,
  departmentUnknown,
  nameInconsistent,
  basisMissing,
  basisArticleMissing,
  limitPromiseExceedsStatutory,
  limitInstantNonzero,
  limitUnitMissing,
  feeBasisMissing,
  feeWaiverBasisMissing,
  materialBasisMissing,
  materialAcceptStandardMissing,
  materialDuplicate,
  materialFetchable,
  prerequisiteCycle,
  prerequisiteNotStatutory,
  onlineConsultOnly,
];
