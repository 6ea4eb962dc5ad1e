import { formatDuration, labelOf, type Duration, type Extension, type LegalRef, type StatutoryLimit } from '@matterflow/schemas';

const LICENSING_LAW = /行政许可法/;

/** The law's own units, without the spaces of the admin screens: “20日”, “20个工作日”, “3个月”. */
export function lawDuration(limit: { value: number; unit?: string | undefined }): string {
  return formatDuration(limit, { compact: true });
}

export function basisText(basis: LegalRef | undefined): string | null {
  if (!basis) return null;
  const articles = basis.articles?.length ? basis.articles.join('、') : '';
  return [`《${basis.lawName}》`, basis.docNumber ? `（${basis.docNumber}）` : '', articles].join('');
}

/**
 * A statutory limit as the law writes it: its own words when stored (“二十日”), else the number in
 * the law's unit (“20日”, not “20 个自然日”); 法律未规定 for a limit the law does not set (never
 * “即时办结”), 当场办结 for 0.
 */
export function statutoryText(limit: StatutoryLimit | undefined): string | null {
  if (!limit) return null;
  if (limit.unspecified === true) return '法律未规定';
  if (limit.asWritten) return limit.asWritten;
  if (typeof limit.value !== 'number') return null;
  if (limit.value === 0) return '当场办结';
  return lawDuration({ value: limit.value, unit: limit.unit });
}

/**
 * How a statutory period in 日 that counts working days is read: 行政许可法第八十二条 makes the
 * periods that law sets working days; another law's working-day period is only said to be one.
 */
export function workdayNote(limit: StatutoryLimit | undefined): string | null {
  if (!limit || limit.unspecified === true || limit.unit !== 'workday' || !limit.value) return null;
  const written = statutoryText(limit) ?? '';
  if (written.includes('工作日')) return null;
  if (limit.basis && LICENSING_LAW.test(limit.basis.lawName)) {
    return '依《中华人民共和国行政许可法》第八十二条，期限以工作日计算，不含法定节假日';
  }
  return '期限以工作日计算，不含法定节假日';
}

export function anchorText(limit: StatutoryLimit | undefined): string | null {
  return limit?.anchor ? `自${labelOf('limitAnchor', limit.anchor)}起计算` : null;
}

export function extensionText(extension: Extension | undefined): string | null {
  if (!extension) return null;
  const basis = basisText(extension.basis);
  return `经${extension.approver}批准，可以延长${lawDuration(extension)}${basis ? `（${basis}）` : ''}`;
}

/** A promise is ours, not the law's: plain numbers, 当场办结 for 0. */
export function promisedText(duration: Duration | undefined): string | null {
  if (!duration) return null;
  return duration.value === 0 ? '当场办结' : lawDuration(duration);
}

export function sceneVisitsText(count: number | undefined): string | null {
  if (count === undefined) return null;
  if (count === 0) return '0次（无需到办事现场）';
  if (count === 1) return '1次（最多跑一次）';
  return `${count}次`;
}
