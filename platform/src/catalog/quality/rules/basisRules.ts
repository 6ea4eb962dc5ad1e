import { allBasisRefs, checkBasisArticles, checkBasisPresent } from '../../rules';
import { sharedRule } from '../QualityRule';

export const basisMissing = sharedRule({ id: 'basis.missing', title: '缺少设定依据', severity: 'error' }, checkBasisPresent);

/** Every basis in the matter counts here (materials, fees, special procedures…), not only the 设定依据 publishing checks. */
export const basisArticleMissing = sharedRule(
  { id: 'basis.article_missing', title: '依据缺少条款号', severity: 'warning' },
  (document) => checkBasisArticles(allBasisRefs(document)),
);
