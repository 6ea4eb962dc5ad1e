import { asObject, asString, type FieldIssue, type JsonObject, type WorkCalendar } from '@matterflow/schemas';
import { checkInstantPromise, checkLimitUnits, checkPromiseWithinStatute } from '../rules';

/**
 * 法定/承诺办结时限 for publishing: both present (行政许可法 第30条 publishes the 期限), with units,
 * the promise within the statute, 即办件 promised 0, and the 办件类型 stated.
 */
export function checkTimeLimits(document: JsonObject, calendar?: WorkCalendar): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const limits = asObject(document.timeLimits);
  const labels = { statutory: '法定办结时限', promised: '承诺办结时限' } as const;
  for (const key of ['statutory', 'promised'] as const) {
    if (!asObject(limits?.[key]))
      issues.push({ pointer: `/timeLimits/${key}`, code: 'publish.time_limits_missing', message: `缺少${labels[key]}` });
  }
  issues.push(...checkLimitUnits(document), ...checkPromiseWithinStatute(document, calendar), ...checkInstantPromise(document));
  if (asString(document.projectType) === undefined) {
    issues.push({ pointer: '/projectType', code: 'publish.project_type_missing', message: '缺少办件类型（即办件或承诺件）' });
  }
  return issues;
}
