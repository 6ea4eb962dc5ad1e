import { fail, inTransaction, userIdOf, type Call, type Clock, type Db, type FieldIssue } from '../../kernel';
import { recordAudit } from '../../audit';
import { knownDepartmentCodes } from '../../departments';
import type { MatterVersion } from '../MatterVersion';
import { assertCanEdit } from '../catalogAccess';
import { checkCodeFormat, checkDepartmentKnown } from '../rules';
import { validateDocument } from '../validateDocument';
import { findVersion, insertDraftVersion, insertMatter } from '../store/matterStore';

/** POST /api/matters: a new matter, as version 1 in draft. */
export async function createDraft(
  deps: { db: Db; clock: Clock },
  call: Call,
  input: { document: unknown },
): Promise<MatterVersion> {
  // The code rules speak before the schema, so an off-pattern code gets the code.malformed (not
  // schema.pattern) that the import and the publish checks give; a 统一社会信用代码 that fails its
  // check digit names no department in the directory, hence not found.
  const formatIssues = underDocument(checkCodeFormat(input.document));
  const codeIssues = formatIssues.filter((issue) => issue.code.startsWith('code.'));
  if (codeIssues.length > 0) throw fail('MATTER_CODE_INVALID', codeIssues);
  if (formatIssues.length > 0) throw fail('DEPARTMENT_NOT_FOUND', formatIssues);
  const document = validateDocument(input.document);
  const { actor } = call;
  assertCanEdit(actor, document.department.code);
  const today = deps.clock.today();
  const at = deps.clock.now();
  return inTransaction(deps.db, call, async (tx) => {
    const departmentIssues = checkDepartmentKnown({ document, knownDepartments: await knownDepartmentCodes(tx) });
    if (departmentIssues.length > 0) throw fail('DEPARTMENT_NOT_FOUND', underDocument(departmentIssues));
    if (!(await insertMatter(tx, { code: document.code, departmentCode: document.department.code, at }))) {
      throw fail('MATTER_EXISTS', { code: document.code });
    }
    await insertDraftVersion(tx, { document, version: 1, userId: userIdOf(actor), at });
    await recordAudit(
      deps,
      { ...call, tx },
      { action: 'matter.create', targetType: 'matter', targetId: document.code, details: { version: 1 } },
    );
    const created = await findVersion(tx, { code: document.code, version: 1, today });
    if (!created) throw new Error('draft vanished inside its own transaction');
    return created;
  });
}

/** The rules point into the matter document; the request carries it under /document. */
function underDocument(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, pointer: `/document${issue.pointer}` }));
}
