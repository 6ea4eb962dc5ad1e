import { asObject, asString, type FieldIssue } from '@matterflow/schemas';
import { isValidUscc } from '../../departments';

/** 实施编码: the implementing body's 18-character 统一社会信用代码 plus 1–18 characters of its own number. */
const CODE_PATTERN = /^[0-9A-Z]{18}[0-9A-Z]{1,18}$/;
/** 基本编码 of the national catalog. */
const CATALOG_CODE_PATTERN = /^[0-9A-Z]{6,12}$/;

/**
 * The fields whose meta-schema pattern errors this rule reports in its own words; callers drop
 * `schema.pattern` issues there (see isCodePatternIssue) so a clerk is not told twice.
 */
const CODE_POINTERS: readonly string[] = ['/code', '/catalogCode', '/department/code'];

/** A meta-schema pattern error on a code field, which checkCodeFormat reports with a clerk's message instead. */
export function isCodePatternIssue(issue: FieldIssue): boolean {
  return issue.code === 'schema.pattern' && CODE_POINTERS.includes(issue.pointer);
}

/**
 * The code rules of matter-elements.md, on a possibly dirty document: 实施编码 and 基本编码 patterns
 * (`code.malformed`), the 实施主体编码 as a valid 统一社会信用代码 with its GB 32100-2015 check digit
 * (`department.invalid`), and 实施编码 = that 统一社会信用代码 + its own number (`code.prefix_mismatch`).
 * Absent fields (not empty ones) are left to the schema (`schema.required`) and the quality report (`code.missing`).
 */
export function checkCodeFormat(document: unknown): FieldIssue[] {
  const doc = asObject(document);
  const code = asString(doc?.code);
  const catalogCode = asString(doc?.catalogCode);
  const departmentCode = asString(asObject(doc?.department)?.code);
  const issues: FieldIssue[] = [];
  if (code !== undefined && !CODE_PATTERN.test(code)) {
    issues.push({
      pointer: '/code',
      code: 'code.malformed',
      message: `实施编码“${code}”应为实施主体的统一社会信用代码加本级编号，共 19 至 36 位数字或大写字母`,
    });
  } else if (code !== undefined && departmentCode !== undefined && !code.startsWith(departmentCode)) {
    issues.push({
      pointer: '/code',
      code: 'code.prefix_mismatch',
      message: `实施编码“${code}”应以实施主体的统一社会信用代码“${departmentCode}”开头`,
    });
  }
  if (catalogCode !== undefined && !CATALOG_CODE_PATTERN.test(catalogCode)) {
    issues.push({
      pointer: '/catalogCode',
      code: 'code.malformed',
      message: `基本编码“${catalogCode}”应为 6 至 12 位数字或大写字母`,
    });
  }
  if (departmentCode !== undefined && !isValidUscc(departmentCode)) {
    issues.push({
      pointer: '/department/code',
      code: 'department.invalid',
      message: `实施主体编码“${departmentCode}”不是有效的 18 位统一社会信用代码（字符或校验位不符）`,
    });
  }
  return issues;
}

/**
 * 行政许可法 第22条: only a body with the power implements a matter, and cases must reach a real
 * inbox, so the 实施主体 must be in the department directory. A malformed code is never in the
 * directory; `department.invalid` already says so, and saying it twice would not help the clerk.
 */
export function checkDepartmentKnown({
  document,
  knownDepartments,
}: {
  document: unknown;
  knownDepartments: ReadonlySet<string>;
}): FieldIssue[] {
  const departmentCode = asString(asObject(asObject(document)?.department)?.code);
  if (departmentCode === undefined || !isValidUscc(departmentCode) || knownDepartments.has(departmentCode)) return [];
  return [{ pointer: '/department/code', code: 'department.unknown', message: `实施主体“${departmentCode}”不在部门名录中` }];
}
