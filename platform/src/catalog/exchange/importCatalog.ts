import { asString, at, metaSchemas, toFieldIssues } from '@matterflow/schemas';
import { recordAudit } from '../../audit';
import { knownDepartmentCodes } from '../../departments';
import { fail, isDomainError, type Actor, type Call, type Clock, type Db, type FieldIssue, type Queryable } from '../../kernel';
import { isPlainObject } from './documentPaths';
import { MAX_REPORTED_ISSUES, type DocumentSource, type ImportIssue } from './ImportIssue';
import type { MatterDocument } from '../MatterVersion';
import { checkCodeFormat, checkDepartmentKnown, isCodePatternIssue } from '../rules';

import type { SaveDraftOutcome } from '../operations/saveDraft';

export type { SaveDraftOutcome };

/**
 * Saves one document as the matter's open draft: creates the matter and draft version 1, updates
 * the open draft, or opens a new draft version from the published one. Throws DomainErrors.
 * Implemented by the catalog module (operations/saveDraft); passed in so that the import runs
 * every save in its own single transaction.
 */
export type SaveDraft = (tx: Queryable, document: MatterDocument) => Promise<SaveDraftOutcome>;

export interface ImportCatalogResult {
  created: number;
  updated: number;
  total: number;
  codes: string[];
}

/** Roles allowed to import; a dept_admin only for the own department (checked per matter). */
const IMPORTING_ROLES = new Set(['legal', 'dept_admin']);

/**
 * Imports parsed documents all or nothing: every document is checked first and, if anything is
 * wrong anywhere, IMPORT_INVALID lists every problem with its row and pointer and nothing is
 * written; otherwise all drafts are saved in one transaction with one audit entry.
 * `sources` (from the parsers) locate problems in the file; `parseIssues` are the problems the
 * parser already found (unreadable cells), reported together with the rest.
 */
export async function importCatalog(
  deps: { db: Db; clock: Clock },
  call: Call,
  {
    documents,
    saveDraft,
    sources = [],
    parseIssues = [],
  }: {
    documents: readonly unknown[];
    saveDraft: SaveDraft;
    sources?: readonly DocumentSource[];
    parseIssues?: readonly ImportIssue[];
  },
): Promise<ImportCatalogResult> {
  const { actor } = call;
  if (actor.kind !== 'user') throw fail('AUTH_REQUIRED');
  if (!IMPORTING_ROLES.has(actor.role)) throw fail('FORBIDDEN', { role: actor.role }, '只有法制审核人员和部门管理员可以导入事项');

  const departments = await knownDepartmentCodes(deps.db);
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
  if (issues.length > 0) {
    throw fail('IMPORT_INVALID', { errors: issues.slice(0, MAX_REPORTED_ISSUES), total: issues.length });
  }

  return deps.db.transaction(async (tx) => {
    let created = 0;
    const codes: string[] = [];
    for (const [index, document] of documents.entries()) {
      const matter = document as MatterDocument;
      try {
        if ((await saveDraft(tx, matter)) === 'created') created += 1;
        codes.push(matter.code);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        // Stop at the first failed save: the transaction is rolled back, so nothing was imported.
        const source = sources[index] ?? { row: index + 1 };
        throw fail('IMPORT_INVALID', {
          errors: saveErrorIssues(error.code, error.message, error.details, source, matter.code),
          total: 1,
        });
      }
    }
    const result = { created, updated: codes.length - created, total: codes.length, codes };
    await recordAudit(
      deps,
      { ...call, tx },
      {
        action: 'catalog.import',
        targetType: 'catalog',
        details: { created: result.created, updated: result.updated, total: result.total },
      },
    );
    return result;
  });
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

function locateIssue(source: DocumentSource, pointer: string): Pick<ImportIssue, 'row' | 'sheet' | 'column'> {
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

function saveErrorIssues(
  code: string,
  message: string,
  details: unknown,
  source: DocumentSource,
  matterCode: string,
): ImportIssue[] {
  const list = Array.isArray(details) ? details : isPlainObject(details) ? (details.issues ?? details.errors) : undefined;
  const fieldIssues = Array.isArray(list) ? (list as FieldIssue[]).filter((issue) => typeof issue?.pointer === 'string') : [];
  if (fieldIssues.length === 0) return [{ ...locateIssue(source, ''), pointer: '', code, message, matterCode }];
  return fieldIssues.map((issue) => ({
    ...locateIssue(source, issue.pointer),
    pointer: issue.pointer,
    code: issue.code,
    message: issue.message,
    matterCode,
  }));
}
