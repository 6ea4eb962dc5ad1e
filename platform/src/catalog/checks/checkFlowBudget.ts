import {
  asArray,
  asObject,
  asString,
  metaSchemas,
  type FieldIssue,
  type JsonObject,
  type WorkCalendar,
} from '@matterflow/schemas';
import { checkFlowBudgets, type CheckFlowInput, type Flow } from '../../flows';
import { readTimeLimit } from '../rules';
import { situationStarts } from './checkSituations';

/**
 * What checkFlow needs from a matter whose flow passed flow.schema.json: the owner, the promise,
 * the declared special procedures, the situations' starts, the calendar. Publishing and the
 * quality report both build it here, so they hold the flow to the same promise the same way.
 */
export function flowCheckInput(
  doc: JsonObject,
  context: { knownDepartments: ReadonlySet<string>; formProperties: ReadonlySet<string> | undefined; calendar?: WorkCalendar },
): CheckFlowInput {
  const specialProcedureNames = new Set(
    (asArray(doc.specialProcedures) ?? []).map((p) => asString(asObject(p)?.name)).filter((name) => name !== undefined),
  );
  return {
    flow: doc.flow as Flow,
    knownDepartments: context.knownDepartments,
    ownerDepartment: asString(asObject(doc.department)?.code) ?? '',
    promised: readTimeLimit(asObject(doc.timeLimits)?.promised),
    specialProcedureNames,
    formProperties: context.formProperties,
    situationStarts: situationStarts(doc),
    ...(context.calendar ? { calendar: context.calendar } : {}),
  };
}

/**
 * `flow.budget_exceeds_promise` for the quality report: the flows module's own budget check (the
 * one checkFlow runs), on the calendar, for a matter whose flow passes its schema (any other flow
 * is a schema defect first), without the flow's other checks.
 */
export function checkFlowBudget(
  document: unknown,
  context: { knownDepartments: ReadonlySet<string>; calendar: WorkCalendar },
): FieldIssue[] {
  const doc = asObject(document);
  if (!doc || doc.flow === undefined || !metaSchemas().flow(doc.flow)) return [];
  const { flow, promised, situationStarts, calendar } = flowCheckInput(doc, { ...context, formProperties: undefined });
  return checkFlowBudgets({ flow, promised, ...(situationStarts ? { situationStarts } : {}), ...(calendar ? { calendar } : {}) });
}
