import { perMatterRule } from '../QualityRule';
import { arr, field, legalRefs, str } from '../readDocument';

export const basisMissing = perMatterRule({ id: 'basis.missing', title: '缺少设定依据', severity: 'error' }, (matter, report) => {
  if (arr(field(matter.document, 'legalBasis')).length === 0) report('/legalBasis', '事项没有设定依据，发布前必须至少列出一项法律法规依据');
});

export const basisArticleMissing = perMatterRule({ id: 'basis.article_missing', title: '依据缺少条款号', severity: 'warning' }, (matter, report) => {
  for (const { ref, pointer } of legalRefs(matter.document)) {
    if (arr(ref.articles).length === 0) report(`${pointer}/articles`, `依据《${str(ref.lawName) ?? '（未命名）'}》未写明条款号`);
  }
});
