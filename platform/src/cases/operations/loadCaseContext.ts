import { resolveSituations, type MatterDocument, type Situation, type WorkCalendar } from '@matterflow/schemas';
import { getMatterVersion } from '../../catalog';
import { loadWorkCalendar } from '../../calendar';
import type { FlowContext } from '../../flows';
import { findApplicationByNumber, type ApplicationRecord } from '../../intake';
import { SYSTEM_ACTOR, fail, type Queryable } from '../../kernel';
import type { CaseRecord } from '../Case';
import type { CaseDeps } from '../caseDeps';

/** What an action after 受理 reads besides the case: its application, pinned matter version and calendar. */
export interface CaseContext {
  application: ApplicationRecord;
  document: MatterDocument;
  calendar: WorkCalendar;
  situations: readonly Situation[];
  /** The interpreter's view: the owner department, the form data and the applying 办理情形. */
  flowContext: FlowContext;
}

export async function loadCaseContext(deps: CaseDeps, tx: Queryable, record: CaseRecord): Promise<CaseContext> {
  const application = await findApplicationByNumber(tx, record.number);
  if (!application) throw fail('CASE_NOT_FOUND', { number: record.number });
  const matter = await getMatterVersion(
    deps,
    { actor: SYSTEM_ACTOR, tx },
    { code: application.matterCode, version: application.version },
  );
  const calendar = await loadWorkCalendar(deps, deps.region, { via: tx });
  const { situations } = resolveSituations(matter.document, application.answers, application.formData);
  return {
    application,
    document: matter.document,
    calendar,
    situations,
    flowContext: { ownerDepartment: application.departmentCode, data: application.formData, situations },
  };
}
