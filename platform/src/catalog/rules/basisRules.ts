import { asList, asObject, asText, at, type FieldIssue, type JsonObject } from '@matterflow/schemas';

/** A legal reference inside a matter, with the pointer of the reference itself. */
export interface LegalRef {
  ref: JsonObject;
  pointer: string;
}

/** `basis.missing`: 行政许可法 第30条 — the 设定依据 is published with the matter, so there must be one. */
export function checkBasisPresent(document: unknown): FieldIssue[] {
  if (asList(at(document, 'legalBasis')).length > 0) return [];
  return [{ pointer: '/legalBasis', code: 'basis.missing', message: '缺少设定依据：发布前至少需要一条法律法规依据' }];
}

/** The top-level bases that set the matter: role 设定, or no role (v1's 设定依据 had none). */
export function settingBasisRefs(document: unknown): LegalRef[] {
  return matterBasisRefs(document).filter(({ ref }) => ref.role === undefined || ref.role === 'set');
}

/** The matter's own 设定依据, which publishing requires to be complete. */
export function matterBasisRefs(document: unknown): LegalRef[] {
  const refs: LegalRef[] = [];
  asList(at(document, 'legalBasis')).forEach((entry, i) => {
    const ref = asObject(entry);
    if (ref) refs.push({ ref, pointer: `/legalBasis/${i}` });
  });
  return refs;
}

/** Every legal reference in a matter: the 设定依据 and the basis of each fee, material, procedure… */
export function allBasisRefs(document: unknown): LegalRef[] {
  const refs = matterBasisRefs(document);
  const itemBases: [string[], string][] = [
    [['fees', 'items'], '/fees/items'],
    [['materials'], '/materials'],
    [['specialProcedures'], '/specialProcedures'],
    [['prerequisites'], '/prerequisites'],
    [['intermediaryServices'], '/intermediaryServices'],
  ];
  for (const [path, base] of itemBases) {
    asList(at(document, ...path)).forEach((item, i) => {
      const ref = asObject(at(item, 'basis'));
      if (ref) refs.push({ ref, pointer: `${base}/${i}/basis` });
    });
  }
  const singleBases: [string[], string][] = [
    [['timeLimits', 'statutory', 'basis'], '/timeLimits/statutory/basis'],
    [['timeLimits', 'statutory', 'extension', 'basis'], '/timeLimits/statutory/extension/basis'],
    [['commitment', 'basis'], '/commitment/basis'],
    [['toleratedAcceptance', 'basis'], '/toleratedAcceptance/basis'],
  ];
  for (const [path, pointer] of singleBases) {
    const ref = asObject(at(document, ...path));
    if (ref) refs.push({ ref, pointer });
  }
  return refs;
}

/**
 * Fee standards are set by price notices of the 发展改革委 and 财政部, cited by their 文号 and not
 * by article; a fee basis with a 文号 is therefore complete without one.
 */
function isCitedPriceNotice({ ref, pointer }: LegalRef): boolean {
  return pointer.startsWith('/fees/') && asText(ref.docNumber) !== undefined;
}

/**
 * `basis.article_missing`: a basis must be checkable, so clerks and applicants need the exact 条款,
 * not just the law's title. The caller chooses which references count (publishing: the 设定依据;
 * the quality report: every basis in the matter).
 */
export function checkBasisArticles(refs: readonly LegalRef[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const entry of refs) {
    if (asList(entry.ref.articles).length > 0 || isCitedPriceNotice(entry)) continue;
    issues.push({
      pointer: `${entry.pointer}/articles`,
      code: 'basis.article_missing',
      message: `依据《${asText(entry.ref.lawName) ?? '（未命名）'}》未注明条款号（如“第三十五条”）`,
    });
  }
  return issues;
}
