import { perMatterRule } from '../QualityRule';
import { asList, at, asText } from '@matterflow/schemas';
import { legalRefs } from '../legalRefs';

export const basisMissing = perMatterRule({ id: 'basis.missing', title: '缺少设定依据', severity: 'error' }, (matter, report) => {
  if (asList(at(matter.document, 'legalBasis')).length === 0)
    report('/legalBasis', '事项没有设定依据，发布前必须至少列出一项法律法规依据');
});

/**
 * Fee standards are set by price notices of the 发展改革委 and 财政部, cited by their 文号 and not
 * by article; a fee basis with a 文号 is therefore complete without one.
 */
const isCitedPriceNotice = (ref: Record<string, unknown>, pointer: string) =>
  pointer.startsWith('/fees/') && Boolean(asText(ref.docNumber));

export const basisArticleMissing = perMatterRule(
  { id: 'basis.article_missing', title: '依据缺少条款号', severity: 'warning' },
  (matter, report) => {
    for (const { ref, pointer } of legalRefs(matter.document)) {
      if (asList(ref.articles).length === 0 && !isCitedPriceNotice(ref, pointer))
        report(`${pointer}/articles`, `依据《${asText(ref.lawName) ?? '（未命名）'}》未写明条款号`);
    }
  },
);
