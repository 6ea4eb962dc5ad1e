import { at } from '@matterflow/schemas';
import { perMatterRule } from '../QualityRule';

/**
 * 超时默许 (a licence deemed granted when the limit passes without a decision) is never allowed for
 * matters touching 公共安全、人身健康、生命财产安全: every deemed-approval scheme excepts them, and the
 * matter's `publicSafety` flag says this is one.
 */
export const safetyDeemedApproval = perMatterRule(
  { id: 'safety.deemed_approval', title: '涉及公共安全的事项适用超时默许', severity: 'error' },
  (matter, report) => {
    if (at(matter.document, 'publicSafety') !== true || at(matter.document, 'flow', 'allowsDeemedApproval') !== true) return;
    report(
      '/flow/allowsDeemedApproval',
      '事项涉及公共安全、人身健康或生命财产安全，不得适用超时默许：期限届满未作决定的，不能视为准予许可',
    );
  },
);
