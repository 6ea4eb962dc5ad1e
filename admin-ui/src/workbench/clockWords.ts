import { labelOf, type MatterDocument, type SpecialProcedure } from '@matterflow/schemas';
import type { TONES } from '../components/StatusTag';
import type { CaseWarning } from './caseTypes';

/** The matter's name for a procedure kind (听证, 专家评审 …), else the code list's. */
export function procedureName(document: MatterDocument, kind: string): string {
  return (
    (document.specialProcedures ?? []).find((procedure) => procedure.kind === kind)?.name ??
    labelOf('specialProcedure.kind', kind)
  );
}

/**
 * The procedures that hold the clock (行政许可法第四十五条), as a step offers them: the names it
 * lists, or any of the matter's when it lists none. A procedure the matter counts holds nothing and
 * the platform refuses it, so it is not offered.
 */
export function pausingProcedures(document: MatterDocument, offered: readonly string[]): SpecialProcedure[] {
  return (document.specialProcedures ?? []).filter(
    (procedure) => !procedure.isCounted && (offered.length === 0 || offered.includes(procedure.name)),
  );
}

const RUNG_WORDS: Record<string, { words: string; tone: keyof typeof TONES }> = {
  yellow: { words: '黄牌预警', tone: 'warning' },
  red: { words: '今日到期', tone: 'error' },
  overdue: { words: '超期', tone: 'error' },
  stepOverdue: { words: '环节超时', tone: 'error' },
  repeatedSupplement: { words: '多次补正', tone: 'warning' },
  noActivity: { words: '受理后无办理记录', tone: 'warning' },
};

/** A warning's words and colour: yellow ones amber, the due day and lateness red; after an extension, said so. */
export function warningWords(warning: Pick<CaseWarning, 'rung'>): { words: string; tone: keyof typeof TONES } {
  const isExtended = warning.rung.startsWith('extended.');
  const found = RUNG_WORDS[isExtended ? warning.rung.slice('extended.'.length) : warning.rung];
  if (!found) return { words: warning.rung, tone: 'neutral' };
  return isExtended ? { ...found, words: `延期后${found.words}` } : found;
}
