import { asString, at, metaSchemas, toFieldIssues } from '@matterflow/schemas';
import type { Actor, FieldIssue } from '../../kernel';
import { isPlainObject } from './documentPaths';
import type { DocumentSource, ImportIssue } from './ImportIssue';
import { checkCodeFormat, checkDepartmentKnown, isCodePatternIssue } from '../rules';

/**
 * Every problem in an import, without touching the database (the caller passes the registered
 * department codes), so that it can run off the request thread: schema errors, codes that do not
 * fit their department, duplicates within the file, a dept_admin's foreign matters, plus the
 * problems the parser already found. Empty when the file may be written.
 */
export function checkImport({
  documents,
  sources = [],
  parseIssues = [],
  actor,
  departments,
}: {
  documents: readonly unknown[];
  sources?: readonly DocumentSource[];
  parseIssues?: readonly ImportIssue[];
  actor: Actor & { kind: 'user' };
  departments: ReadonlySet<string>;
}): ImportIssue[] {
  const issues: ImportIssue[] = [...parseIssues];
  const firstRowByCode = new Map<string, number>();
  documents.forEach((document, index) => {
    const source = sources[index] ?? { row: index + 1 };
    const locate = (issue: FieldIssue): ImportIssue => ({
      ...locateIssue(source, issue.pointer),
      ...issue,
      ...matterCodeOf(document),
    });
    const found = checkDocument({ document, actor, departments });
    const code = isPlainObject(document) && typeof document.code === 'string' ? document.code : undefined;
    if (code !== undefined) {
      const firstRow = firstRowByCode.get(code);
      if (firstRow !== undefined)
        found.push({
          pointer: '/code',
          code: 'code.duplicate',
          message: `实施编码 ${code} 在文件中重复出现（第 ${firstRow} 行已有）`,
        });
      else firstRowByCode.set(code, source.row);
    }
    for (const issue of found) {
      const located = locate(issue);
      // The parser already reported this cell; the schema's complaint about the gap would repeat it.
      if (
        !parseIssues.some((seen) => seen.sheet === located.sheet && seen.row === located.row && seen.pointer === located.pointer)
      )
        issues.push(located);
    }
  });
  if (documents.length === 0 && issues.length === 0) {
    issues.push({ row: 0, pointer: '', code: 'import.empty', message: '导入文件中没有事项' });
  }
  return issues;
}

/**
 * One document's problems that make it unstorable. The rules of law are the same functions the
 * publish checks and the quality report call, so one defect has one code wherever it is found.
 */
function checkDocument({
  document,
  actor,
  departments,
}: {
  document: unknown;
  actor: Actor & { kind: 'user' };
  departments: ReadonlySet<string>;
}): FieldIssue[] {
  const validate = metaSchemas().matter;
  const schemaIssues = validate(document) ? [] : toFieldIssues(validate.errors).filter((issue) => !isCodePatternIssue(issue));
  const issues: FieldIssue[] = [
    ...schemaIssues,
    ...checkCodeFormat(document),
    ...checkDepartmentKnown({ document, knownDepartments: departments }),
  ];
  const departmentCode = asString(at(document, 'department', 'code'));
  if (actor.role === 'dept_admin' && departmentCode !== undefined && departmentCode !== actor.departmentCode) {
    issues.push({ pointer: '/department/code', code: 'department.scope', message: '部门管理员只能导入本部门的事项' });
  }
  return issues;
}

export function locateIssue(source: DocumentSource, pointer: string): Pick<ImportIssue, 'row' | 'sheet' | 'column'> {
  const cells = source.cells;
  if (cells) {
    // The longest prefix with a cell: /materials/2/basis/lawName falls back to the material's row.
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
      const cell = cells.get(at);
      if (cell) return { row: cell.row, sheet: cell.sheet, column: cell.column };
      if (at === '') break;
    }
  }
  return { row: source.row, ...(source.sheet ? { sheet: source.sheet } : {}) };
}

function matterCodeOf(document: unknown): { matterCode?: string } {
  return isPlainObject(document) && typeof document.code === 'string' ? { matterCode: document.code } : {};
}
