import type { MatterDocument } from '@matterflow/schemas';
import { api } from '../api/api';
import type { ApplicationView, CaseEvent, CaseFile, CaseView, CaseWarning } from './caseTypes';

/**
 * A case as the workbench reads it: the case (status, clock, revision), intake's application (the
 * applicant, form data and received files), the pinned version's document (titles of fields and
 * materials) and the timeline with what each step recorded.
 */
export async function loadCaseFile(number: string): Promise<CaseFile> {
  const path = `/api/cases/${encodeURIComponent(number)}`;
  const [found, application, events, warnings, calendar] = await Promise.all([
    api.get<CaseView>(path),
    api.get<ApplicationView>(`/api/applications/${encodeURIComponent(number)}`),
    api.get<{ items: CaseEvent[] }>(`${path}/events`),
    api.get<{ items: CaseWarning[] }>(`${path}/warnings`),
    api.get<{ today: string }>('/api/calendar/today'),
  ]);
  const version = await api.get<{ document: MatterDocument }>(
    `/api/matters/${encodeURIComponent(application.matterCode)}/versions/${application.version}`,
  );
  return {
    case: found,
    application,
    document: version.document,
    events: events.items,
    warnings: warnings.items,
    today: calendar.today,
  };
}

/** The department's short name for 文号 (public list); none when it has no short name. */
export async function loadShortName(departmentCode: string): Promise<string | null> {
  const { items } = await api.get<{ items: { code: string; shortName: string | null }[] }>('/api/departments');
  return items.find((department) => department.code === departmentCode)?.shortName ?? null;
}
