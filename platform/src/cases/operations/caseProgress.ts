import {
  isUploadable,
  uploadRulesFor,
  type CaseProgress,
  type MatterDocument,
  type ProgressDetail,
  type ProgressEvent,
  type ProgressItem,
  type WorkCalendar,
} from '@matterflow/schemas';
import { eventTitle, type EventRecord } from '../../intake';
import type { CaseRecord, SupplementItem } from '../Case';
import { caseView } from './caseView';
import { supplementItemName } from './supplementItemName';

export type { CaseProgress, ProgressDetail, ProgressEvent, ProgressItem };

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
          documentNumber: view.decision.documentNumber ?? null,
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
    result: record.resultFile,
    timeline: events.map((event) => ({
      at: event.at,
      type: event.type,
      title: eventTitle(event.type),
      detail: detailOf(document, event),
    })),
  };
}
