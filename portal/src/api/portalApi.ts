import type { MatterDocument } from '@matterflow/schemas';
import { getJson } from './getJson';

/**
 * The public answers the portal reads, as the OpenAPI document describes them (GET /api/openapi.json).
 * Only the fields the portal uses are named.
 */
export interface MatterSummary {
  code: string;
  version: number;
  name: string;
  type: string;
  departmentCode: string;
  departmentName: string;
  projectType: string | null;
  sceneVisits: number | null;
  themes: { personal?: string[]; corporate?: string[] };
}

export interface ThemeCount {
  theme: string;
  count: number;
}

export interface SearchPage {
  items: MatterSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** With `facets=themes`: matters per theme over the whole filter, most first. */
  facets?: { themes: { personal: ThemeCount[]; corporate: ThemeCount[] } };
}

export interface Department {
  code: string;
  name: string;
  shortName: string | null;
}

export interface MatterVersion {
  code: string;
  version: number;
  name: string;
  document: MatterDocument;
}

export interface GuideMaterial {
  id: string;
  name: string;
  mark: string | null;
  submission: string;
  acceptStandard: string | null;
  fillExplain: string | null;
  appliesWhen: string | null;
}

export interface GuideFees {
  isFee: boolean;
  summary: string;
  isPayOnline: boolean | null;
  items: { name: string; standard: string; basis: string | null; waiver: string | null; appliesWhen: string | null }[];
}

export interface Guide {
  code: string;
  version: number;
  name: string;
  basicInfo: { title: string; type: string; department: string; acceptingBody: string; decidingBody: string; code: string };
  serviceContent: {
    title: string;
    serviceObjects: string[];
    projectType: string | null;
    acceptCondition: string | null;
    description: string | null;
  };
  legalBasis: { title: string; items: { citation: string | null; role: string; text: string | null }[] };
  procedure: { title: string; description: string | null; steps: { name: string; role: string; budgetDays: number }[] };
  timeLimits: { title: string; statutory: string | null; promised: string | null; anchor: string | null; note: string | null };
  fees: GuideFees & { title: string };
  materials: { title: string; note: string; items: GuideMaterial[] };
  situations: { id: string; name: string; appliesWhen: string | null }[];
  channels: { title: string; sceneVisitsText: string | null; sceneVisitsReason: string | null; url: string | null };
  contact: { title: string; address: string | null; hours: string | null; consult: { kind: string; detail: string }[] };
  result: { title: string; name: string | null; type: string | null };
  questions: { question: string; answer: string }[];
}

export interface Deadline {
  due: string;
  provisional: boolean;
}

const enc = encodeURIComponent;

export const portalApi = {
  search: (query: URLSearchParams, signal?: AbortSignal) => getJson<SearchPage>(`/api/matters?${query}`, { signal }),
  departments: () => getJson<{ items: Department[] }>('/api/departments'),
  matter: (code: string) => getJson<MatterVersion>(`/api/matters/${enc(code)}`),
  guide: (code: string) => getJson<Guide>(`/api/matters/${enc(code)}/guide`),
  guideHtmlUrl: (code: string) => `/api/matters/${enc(code)}/guide.html`,
  conditionsUrl: (code: string, version: number) => `/api/matters/${enc(code)}/versions/${version}/conditions.js`,
  today: () => getJson<{ region: string; today: string }>('/api/calendar/today'),
  deadline: ({ region, from, days, unit }: { region: string; from: string; days: number; unit: string }) =>
    getJson<Deadline>(`/api/calendar/${enc(region)}/deadline?${new URLSearchParams({ from, days: String(days), unit })}`),
};
