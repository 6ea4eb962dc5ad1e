import { asList, asObject, asText, at } from '@matterflow/schemas';
import { isRepealed, lawLevelName, levelOf, resolveLaw, type LawLevel, type LawRegister } from '../../../laws';
import { allBasisRefs, settingBasisRefs, type LegalRef } from '../../rules';
import { perMatterRule } from '../QualityRule';

/** 行政许可法 第十四至十七条: who may set a licence. 部门规章 and 规范性文件 never may (第十七条). */
const MAY_SET_LICENCE: ReadonlySet<LawLevel> = new Set([
  'law',
  'adminRegulation',
  'stateCouncilDecision',
  'localRegulation',
  'localGovRule',
]);
/** 行政许可法 第五十八、五十九条: a licence is free unless a law or an administrative regulation says otherwise. */
const MAY_SET_FEE: ReadonlySet<LawLevel> = new Set(['law', 'adminRegulation']);

const LICENCE = '01';

const cite = (laws: LawRegister, { ref }: LegalRef, level: LawLevel) =>
  `《${resolveLaw(laws, ref)?.name ?? asText(ref.lawName) ?? ''}》（${lawLevelName(level)}）`;

/**
 * Whether every basis has a known level and none may set it: only then is the defect certain (a
 * basis the register does not know and that states no level may well be a law).
 */
function onlyForbidden(
  laws: LawRegister,
  refs: readonly LegalRef[],
  allowed: ReadonlySet<LawLevel>,
): { ref: LegalRef; level: LawLevel }[] | undefined {
  const levelled = refs.map((ref) => ({ ref, level: levelOf(laws, ref.ref) }));
  if (levelled.length === 0 || levelled.some(({ level }) => level === undefined || allowed.has(level))) return undefined;
  return levelled as { ref: LegalRef; level: LawLevel }[];
}

export const basisLevelCannotSet = perMatterRule(
  { id: 'basis.level_cannot_set', title: '设定依据的效力层级不能设定行政许可', severity: 'error' },
  (matter, report, { laws }) => {
    if (at(matter.document, 'type') !== LICENCE) return;
    const forbidden = onlyForbidden(laws, settingBasisRefs(matter.document), MAY_SET_LICENCE);
    if (!forbidden?.[0]) return;
    report(
      forbidden[0].ref.pointer,
      `行政许可只能由法律、行政法规、国务院决定、地方性法规或省级人民政府规章设定（行政许可法第十四条至第十七条），本事项的设定依据只有${forbidden.map(({ ref, level }) => cite(laws, ref, level)).join('、')}`,
    );
  },
);

/** The bases a licence's fee rests on: the matter's 收费依据 and each fee line's own basis. */
function feeBasisRefs(document: unknown): LegalRef[] {
  const refs: LegalRef[] = [];
  asList(at(document, 'legalBasis')).forEach((entry, i) => {
    const ref = asObject(entry);
    if (ref?.role === 'fee') refs.push({ ref, pointer: `/legalBasis/${i}` });
  });
  asList(at(document, 'fees', 'items')).forEach((item, j) => {
    const ref = asObject(at(item, 'basis'));
    if (ref) refs.push({ ref, pointer: `/fees/items/${j}/basis` });
  });
  return refs;
}

export const feeLevelCannotSet = perMatterRule(
  { id: 'fee.level_cannot_set', title: '收费依据的效力层级不能设定行政许可收费', severity: 'error' },
  (matter, report, { laws }) => {
    const { document } = matter;
    if (at(document, 'type') !== LICENCE || at(document, 'fees', 'isFee') !== true) return;
    const forbidden = onlyForbidden(laws, feeBasisRefs(document), MAY_SET_FEE);
    if (!forbidden?.[0]) return;
    report(
      forbidden[0].ref.pointer,
      `实施行政许可收费须有法律、行政法规的规定（行政许可法第五十八条、第五十九条），本事项的收费依据只有${forbidden.map(({ ref, level }) => cite(laws, ref, level)).join('、')}`,
    );
  },
);

export const basisRepealed = perMatterRule(
  { id: 'basis.repealed', title: '依据已废止', severity: 'error' },
  (matter, report, { laws, today }) => {
    for (const { ref, pointer } of allBasisRefs(matter.document)) {
      const entry = resolveLaw(laws, ref);
      if (!entry || !isRepealed(entry, today)) continue;
      const successor = entry.replacedBy === undefined ? undefined : laws.byId.get(entry.replacedBy);
      report(
        pointer,
        `依据《${entry.name}》已于 ${entry.repealedOn} 废止` +
          (successor ? `，已由《${successor.name}》取代，应改引现行有效的规定` : '，应改引现行有效的规定'),
      );
    }
  },
);
