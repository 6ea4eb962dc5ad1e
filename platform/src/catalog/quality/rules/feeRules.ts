import { checkFeeBasis } from '../../rules';
import { perMatterRule, sharedRule } from '../QualityRule';
import { asList, at, asText } from '@matterflow/schemas';

export const feeBasisMissing = sharedRule(
  { id: 'fee.basis_missing', title: '收费项目缺少依据', severity: 'error' },
  checkFeeBasis,
);

export const feeWaiverBasisMissing = perMatterRule(
  { id: 'fee.waiver_basis_missing', title: '可减免的收费缺少减免依据', severity: 'warning' },
  (matter, report) => {
    asList(at(matter.document, 'fees', 'items')).forEach((item, i) => {
      if (at(item, 'isWaivable') === true && !asText(at(item, 'waiverBasis'))) {
        report(`/fees/items/${i}/waiverBasis`, `收费项目“${asText(at(item, 'name')) ?? ''}”允许减免，但未写明减免依据`);
      }
    });
  },
);
