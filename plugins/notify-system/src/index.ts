import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';

/** The department system's endpoint; its origin must be one a sysadmin approved for this plugin. */
export interface Options {
  endpoint: string;
  /** Event types worth telling the department system about; empty means all. */
  events: string[];
}

export const plugin = definePlugin<Form, Options>({
  hooks: {
    async onEvent({ matter, caseNumber, event }, ctx) {
      const { endpoint, events } = ctx.options;
      if (events.length > 0 && !events.includes(event.type)) return {};
      // A refused origin throws CAPABILITY_DENIED inside postJson: left uncaught, the call fails
      // as capability_denied and the host records it, which is what the department must see.
      const answer = await ctx.http.postJson(endpoint, {
        matterCode: matter.code,
        matterVersion: matter.version,
        caseNumber,
        event: event.type,
        at: event.at,
        step: event.stepId ?? null,
      });
      if (answer.status < 200 || answer.status >= 300) throw new Error(`部门系统答复 ${answer.status}`);
      ctx.log.info(`已通知 ${caseNumber} ${event.type}`);
      return { note: `已通知部门系统（${event.type}）` };
    },
  },
});
