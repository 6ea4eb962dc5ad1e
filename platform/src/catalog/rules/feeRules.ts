import { asList, asObject, asText, at, type FieldIssue } from '@matterflow/schemas';

/**
 * `fee.items_missing` and `fee.basis_missing`: 行政许可法 第58–59条 — licensing is free unless a law
 * or administrative regulation says otherwise, and fees follow published items and standards, so a
 * charging matter lists its fee lines and every line names its basis.
 */
export function checkFeeBasis(document: unknown): FieldIssue[] {
  const items = at(document, 'fees', 'items');
  if (at(document, 'fees', 'isFee') === true && asList(items).length === 0) {
    return [{ pointer: '/fees/items', code: 'fee.items_missing', message: '事项标明收费，但未列出收费项目、标准及其依据' }];
  }
  const issues: FieldIssue[] = [];
  asList(items).forEach((entry, j) => {
    const item = asObject(entry);
    if (!item || asObject(item.basis)) return;
    issues.push({
      pointer: `/fees/items/${j}/basis`,
      code: 'fee.basis_missing',
      message: `收费项目“${asText(item.name) ?? j + 1}”缺少收费依据`,
    });
  });
  return issues;
}
