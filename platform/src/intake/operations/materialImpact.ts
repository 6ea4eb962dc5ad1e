import { materialSlots, type MatterDocument } from '@matterflow/schemas';
import { getMatterVersion } from '../../catalog';
import { assertDepartmentScope, readerOf, requireRole, type Call } from '../../kernel';
import type { IntakeDeps } from '../intakeDeps';
import { recentApplications, type PageEnd } from '../store/recentApplications';

/** The look-back of the impact: a quarter, enough to include a matter's seasonal applicants. */
export const IMPACT_DAYS = 90;
/** The most applications one impact reads: an answer in seconds even for the busiest matter. */
export const MAX_IMPACT_APPLICATIONS = 5000;
/** Rows per read: the applications are held a page at a time, never all at once. */
const PAGE_SIZE = 500;
const MAX_EXAMPLES = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ImpactExample {
  number: string;
  submittedAt: string;
  /** The version the application was pinned to. */
  version: number;
  added: string[];
  removed: string[];
}

export interface MaterialImpact {
  days: number;
  /** Applications considered: those of the last `days`, at most MAX_IMPACT_APPLICATIONS, newest first. */
  applications: number;
  changed: number;
  /** True when there were more applications than were read. */
  isCapped: boolean;
  examples: ImpactExample[];
}

const materialIds = (document: MatterDocument, answers: Record<string, string>, formData: unknown) =>
  new Map(materialSlots(document, answers, formData).slots.map((slot) => [slot.material.id, slot.material.name]));

/**
 * How many applications of the last 90 days would have needed a different material list under
 * version `version` (usually a draft), with examples: each application's material slots under its
 * own pinned version against those under `version`, from the same answers and form data, by the
 * same `materialSlots` the portal and submit use. For the staff who edit that matter.
 */
export async function materialImpact(
  deps: IntakeDeps,
  call: Call,
  { code, version }: { code: string; version: number },
  // Smaller bounds let a test page through a handful of applications and reach the cap.
  { pageSize = PAGE_SIZE, max = MAX_IMPACT_APPLICATIONS }: { pageSize?: number; max?: number } = {},
): Promise<MaterialImpact> {
  requireRole(call.actor, ['dept_admin', 'legal']);
  const target = await getMatterVersion(deps, call, { code, version });
  assertDepartmentScope(call.actor, target.departmentCode);
  const pinned = new Map<number, MatterDocument>([[target.version, target.document]]);
  const documentOf = async (n: number) => {
    const known = pinned.get(n);
    if (known) return known;
    const { document } = await getMatterVersion(deps, call, { code, version: n });
    pinned.set(n, document);
    return document;
  };
  const since = new Date(deps.clock.now().getTime() - IMPACT_DAYS * DAY_MS);
  const impact: MaterialImpact = { days: IMPACT_DAYS, applications: 0, changed: 0, isCapped: false, examples: [] };
  let after: PageEnd | undefined;
  while (impact.applications < max) {
    const limit = Math.min(pageSize, max - impact.applications);
    const page = await recentApplications(readerOf(deps.db, call), { matterCode: code, since, after, limit });
    for (const application of page) {
      const before = materialIds(await documentOf(application.version), application.answers, application.formData);
      const under = materialIds(target.document, application.answers, application.formData);
      const added = [...under].filter(([id]) => !before.has(id)).map(([, name]) => name);
      const removed = [...before].filter(([id]) => !under.has(id)).map(([, name]) => name);
      impact.applications += 1;
      if (added.length === 0 && removed.length === 0) continue;
      impact.changed += 1;
      if (impact.examples.length < MAX_EXAMPLES) {
        const { number, submittedAt } = application;
        impact.examples.push({ number, submittedAt: submittedAt.toISOString(), version: application.version, added, removed });
      }
    }
    const last = page.at(-1);
    if (page.length < limit || !last) return impact;
    after = { submittedAt: last.submittedAt, id: last.id };
  }
  const more = await recentApplications(readerOf(deps.db, call), { matterCode: code, since, after, limit: 1 });
  impact.isCapped = more.length > 0;
  return impact;
}
