import { checkFeeBasis } from '../../rules';
import { perMatterRule, sharedRule } from '../QualityRule';
import { asList, asNumber, at, asText } from '@matterflow/schemas';

export const feeItemsMissing = sharedRule(
  { id: 'fee.items_missing', title: '标明收费但未列收费项目', severity: 'error' },
  checkFeeBasis,
);

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

/** Amounts in yuan a standard's text states: "每件 80 元", "550元/宗", "1.5万元". */
export function amountsInText(text: string): number[] {
  const amounts: number[] = [];
  for (const match of text.normalize('NFKC').matchAll(/(\d+(?:\.\d+)?)\s*(万)?\s*元/g)) {
    const value = Number(match[1]);
    amounts.push(match[2] ? value * 10_000 : value);
  }
  return amounts;
}

/**
 * The amount a line is charged at must be one the standard's text states: the applicant reads the
 * text, the cashier charges the amount. A text without a figure in 元 (a rate, a reference to the
 * price notice) is not compared.
 */
export const feeAmountMismatch = perMatterRule(
  { id: 'fee.amount_mismatch', title: '收费金额与收费标准不符', severity: 'warning' },
  (matter, report) => {
    asList(at(matter.document, 'fees', 'items')).forEach((item, i) => {
      const amount = asNumber(at(item, 'amountYuan'));
      const standard = asText(at(item, 'standard'));
      if (amount === undefined || standard === undefined) return;
      const stated = amountsInText(standard);
      if (stated.length === 0 || stated.some((value) => Math.abs(value - amount) < 0.005)) return;
      report(
        `/fees/items/${i}/amountYuan`,
        `收费项目“${asText(at(item, 'name')) ?? i + 1}”的标准金额 ${amount} 元与收费标准“${standard}”所列金额（${stated.map((value) => `${value} 元`).join('、')}）不符`,
      );
    });
  },
);
