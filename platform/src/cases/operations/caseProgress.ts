import { isUploadable, uploadRulesFor, type MatterDocument, type UploadKind, type WorkCalendar } from '@matterflow/schemas';
import { eventTitle, type EventRecord } from '../../intake';
import type { CaseRecord, SupplementItem } from '../Case';
import { caseView } from './caseView';
import { supplementItemName } from './supplementItemName';

/** One item of the open 补正 as the applicant is asked for it, with what an upload may be. */
export type ProgressItem =
  | {
      kind: 'material';
      materialId: string;
      name: string;
      reason: string;
      /** Paper-only materials are handed in at the window. */
      isUpload: boolean;
      accept: UploadKind[];
      maxBytes: number;
      maxFiles: number;
    }
  | { kind: 'field'; pointer: string; name: string; reason: string };

/** What each step recorded that the applicant may read: never who handled it, their notes or task internals. */
export interface ProgressDetail {
  items?: { name: string; reason: string | null }[];
  noticeNumber?: number;
  reason?: string;
  competentBody?: string;
  acceptedOn?: string;
  due?: string;
  acceptanceDue?: string;
  stepName?: string;
  resultName?: string;
  resultNumber?: string;
  remedies?: { reconsideration: string; litigation: string };
  deliveryMethod?: 'onSite' | 'express';
  carrier?: string;
  trackingNumber?: string;
}

export interface ProgressEvent {
  at: string;
  type: string;
  title: string;
  detail: ProgressDetail;
}

export interface CaseProgress {
  number: string;
  status: CaseRecord['status'];
  statusLabel: string;
  receivedOn: string;
  acceptedOn: string | null;
  acceptanceDue: string | null;
  /** 预计办结日期: the case clock's due date once accepted (provisional where the calendar runs out). */
  expected: { due: string; provisional: boolean } | null;
  supplement: { notice: number; items: ProgressItem[] } | null;
  decision: {
    outcome: 'approved' | 'denied';
    resultName: string | null;
    resultNumber: string | null;
    reason: string | null;
    remedies: { reconsideration: string; litigation: string } | null;
    decidedOn: string;
  } | null;
  delivery: { method: 'onSite' | 'express'; carrier: string | null; trackingNumber: string | null; deliveredOn: string } | null;
  timeline: ProgressEvent[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const object = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

function progressItem(document: MatterDocument, item: SupplementItem): ProgressItem {
  const name = supplementItemName(document, item);
  if (item.kind === 'field') return { ...item, name };
  const material = document.materials?.find((candidate) => candidate.id === item.materialId);
  const rules = uploadRulesFor(material ?? {});
  const isUpload = material ? isUploadable(material) : false;
  return { ...item, name, isUpload, ...rules };
}

/**
 * The details of one event the applicant may read, picked by name from what the step stored: a
 * kind added later shows with its title and no details until it is given its own here.
 */
function detailOf(document: MatterDocument, event: EventRecord): ProgressDetail {
  const details = object(event.details);
  const picked: ProgressDetail = {};
  const items = Array.isArray(details.items) ? (details.items as SupplementItem[]) : undefined;
  if (items)
    picked.items = items.map((item) => ({ name: supplementItemName(document, item), reason: text(item.reason) ?? null }));
  if (typeof details.noticeNumber === 'number') picked.noticeNumber = details.noticeNumber;
  const reason = [text(details.reasonLabel), text(details.reasonText) ?? text(details.reason)].filter(Boolean).join('：');
  if (reason) picked.reason = reason;
  for (const key of ['competentBody', 'acceptedOn', 'due', 'acceptanceDue', 'resultName', 'resultNumber'] as const) {
    const value = text(details[key]);
    if (value) picked[key] = value;
  }
  const stepName = text(details.taskName);
  if (stepName) picked.stepName = stepName;
  const decision = object(details.decision);
  for (const key of ['resultName', 'resultNumber'] as const) {
    const value = text(decision[key]);
    if (value) picked[key] = value;
  }
  const denial = text(decision.reason);
  if (denial) picked.reason = denial;
  const remedies = object(decision.remedies);
  if (text(remedies.reconsideration) && text(remedies.litigation))
    picked.remedies = { reconsideration: String(remedies.reconsideration), litigation: String(remedies.litigation) };
  const delivery = object(details.delivery);
  if (delivery.method === 'onSite' || delivery.method === 'express') picked.deliveryMethod = delivery.method;
  const carrier = text(delivery.carrier);
  if (carrier) picked.carrier = carrier;
  const trackingNumber = text(delivery.trackingNumber);
  if (trackingNumber) picked.trackingNumber = trackingNumber;
  return picked;
}

/** A case as its applicant reads it: where it stands, what is asked of them, and every step in order. */
export function caseProgress(
  calendar: WorkCalendar,
  { record, document, events, today }: { record: CaseRecord; document: MatterDocument; events: EventRecord[]; today: string },
): CaseProgress {
  const view = caseView(calendar, record, today);
  const isAsked = record.status === 'supplementing' && record.supplement !== null;
  return {
    number: view.number,
    status: view.status,
    statusLabel: view.statusLabel,
    receivedOn: view.receivedOn,
    acceptedOn: view.acceptedOn,
    acceptanceDue: view.acceptanceDue,
    expected: view.clock ? { due: view.clock.due, provisional: view.clock.provisional } : null,
    supplement:
      isAsked && record.supplement
        ? { notice: record.supplementCount, items: record.supplement.map((item) => progressItem(document, item)) }
        : null,
    decision: view.decision
      ? {
          outcome: view.decision.outcome,
          resultName: view.decision.resultName,
          resultNumber: view.decision.resultNumber,
          reason: view.decision.reason,
          remedies: view.decision.remedies,
          decidedOn: view.decision.decidedOn,
        }
      : null,
    delivery: view.delivery
      ? {
          method: view.delivery.method,
          carrier: view.delivery.carrier,
          trackingNumber: view.delivery.trackingNumber,
          deliveredOn: view.delivery.deliveredOn,
        }
      : null,
    timeline: events.map((event) => ({
      at: event.at,
      type: event.type,
      title: eventTitle(event.type),
      detail: detailOf(document, event),
    })),
  };
}
