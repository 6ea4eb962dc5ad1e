import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';

/** Which parallel step to steer, its two branches, and the business types that need the on-site one. */
export interface Options {
  stepId: string;
  inspectionBranch: string;
  deskBranch: string;
  inspectionTypes: string[];
}

export const plugin = definePlugin<Form, Options>({
  hooks: {
    route({ form, steps }, ctx) {
      const { stepId, inspectionBranch, deskBranch, inspectionTypes } = ctx.options;
      const step = steps.find((candidate) => candidate.id === stepId);
      // A flow without the step (or its branches) is left to its own conditions.
      if (!step) return { branches: {} };
      const onSite = inspectionTypes.includes(form.businessType);
      const branch = onSite ? inspectionBranch : deskBranch;
      if (!step.branches.some((candidate) => candidate.id === branch)) {
        ctx.log.warn(`步骤 ${stepId} 没有分支 ${branch}`);
        return { branches: {} };
      }
      return {
        branches: { [stepId]: [branch] },
        reason: onSite ? `${form.businessType}须现场核查车辆和场站` : `${form.businessType}由窗口书面审查`,
      };
    },
  },
});
