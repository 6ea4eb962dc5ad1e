import { perMatterRule } from '../QualityRule';
import { asList, at } from '@matterflow/schemas';

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
