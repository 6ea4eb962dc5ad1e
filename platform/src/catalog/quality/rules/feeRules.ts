import { perMatterRule } from '../QualityRule';
import { arr, field, obj, str } from '../readDocument';

export const feeBasisMissing = perMatterRule({ id: 'fee.basis_missing', title: '收费项目缺少依据', severity: 'error' }, (matter, report) => {
  arr(field(matter.document, 'fees', 'items')).forEach((item, i) => {
    if (!obj(field(item, 'basis'))) report(`/fees/items/${i}/basis`, `收费项目“${str(field(item, 'name')) ?? ''}”没有收费依据`);
  });
});

export const feeWaiverBasisMissing = perMatterRule({ id: 'fee.waiver_basis_missing', title: '可减免的收费缺少减免依据', severity: 'warning' }, (matter, report) => {
  arr(field(matter.document, 'fees', 'items')).forEach((item, i) => {
    if (field(item, 'isWaivable') === true && !str(field(item, 'waiverBasis'))) {
      report(`/fees/items/${i}/waiverBasis`, `收费项目“${str(field(item, 'name')) ?? ''}”允许减免，但未写明减免依据`);
    }
  });
});
