import { perMatterRule } from '../QualityRule';
import { asList, asNumber, asText, at } from '@matterflow/schemas';

/** Depth 1 (咨询) only means the matter cannot be applied for online at all. */
export const onlineConsultOnly = perMatterRule(
  { id: 'online.consult_only', title: '网上办理深度仅为咨询（未网上办）', severity: 'warning' },
  (matter, report) => {
    const depth = asList(at(matter.document, 'online', 'depth'));
    if (depth.every((level) => level === '1')) {
      report(
        '/online/depth',
        depth.length === 0 ? '未填写网上办理深度，事项不能网上办理' : '网上办理深度仅为“咨询”，事项不能网上申请',
      );
    }
  },
);

/**
 * 最多跑一次: more than one visit to the window needs a reason the applicant can read (a site
 * inspection, collecting an original…), for the matter and for each 办理情形 with its own count.
 */
export const onlineVisitsUnexplained = perMatterRule(
  { id: 'online.visits_unexplained', title: '到现场超过一次但未说明理由', severity: 'warning' },
  (matter, report) => {
    const { document } = matter;
    const visits = asNumber(at(document, 'online', 'sceneVisits'));
    if (visits !== undefined && visits > 1 && !asText(at(document, 'online', 'sceneVisitsReason')))
      report('/online/sceneVisitsReason', `到办事现场 ${visits} 次，未说明为何不能少跑`);
    asList(at(document, 'situations')).forEach((situation, i) => {
      const own = asNumber(at(situation, 'sceneVisits'));
      if (own === undefined || own <= 1 || asText(at(situation, 'sceneVisitsReason'))) return;
      report(
        `/situations/${i}/sceneVisitsReason`,
        `办理情形“${asText(at(situation, 'name')) ?? i + 1}”到办事现场 ${own} 次，未说明为何不能少跑`,
      );
    });
  },
);
