import { recordAudit } from '../../audit';
import { knownDepartmentCodes } from '../../departments';
import { fail, isDomainError, type Call, type Clock, type Db, type FieldIssue, type Queryable } from '../../kernel';
import { checkImport, locateIssue } from './checkImport';
import { isPlainObject } from './documentPaths';
import { MAX_REPORTED_ISSUES, type DocumentSource, type ImportIssue } from './ImportIssue';
import type { SourceVersion } from './sourceVersion';
import { NO_MIGRATION, upgradeImported, type ImportMigration } from './upgradeImported';
import type { MatterDocument } from '../MatterVersion';

import type { SaveDraftOutcome } from '../operations/saveDraft';

export type { SaveDraftOutcome };

/**
 * Saves one document as the matter's open draft, guarded: creates the matter and draft version 1,
 * updates the open draft the file was exported from, opens a new draft version from the published
 * one, or reports why it wrote nothing ('unchanged', 'in_review', a conflict). Throws DomainErrors.
 * Implemented by the catalog module (operations/saveDraft); passed in so that the import runs
 * every save in its own single transaction.
 */
export type SaveDraft = (tx: Queryable, document: MatterDocument, source?: SourceVersion) => Promise<SaveDraftOutcome>;

export interface ImportCatalogResult {
  created: number;
  /** Open drafts overwritten and new draft versions opened from a published one. */
  updated: number;
  unchanged: number;
  /** Rows in the file. */
  total: number;
  /** Matters written (created or updated). */
  codes: string[];
  /** Rows not written because the matter's draft changed after the export (or the file does not say which it saw). */
  conflicts: { code: string; row: number; reason: string }[];
  /** Rows not written because the matter is in legal review. */
  inReview: { code: string; row: number }[];
  /** Matters the file wrote against an older meta-schema (a version 1 export), migrated before the check. */
  migrated: ImportMigration;
  /** A dry run: every save ran and was rolled back, so the counts are what a real import would do. */
  isDryRun: boolean;
}

const YIELD_EVERY_MS = 25;

/** Roles allowed to import; a dept_admin only for the own department (checked per matter). */
const IMPORTING_ROLES = new Set(['legal', 'dept_admin']);

/**
 * Imports parsed documents: every document is checked first and, if anything is wrong anywhere,
 * IMPORT_INVALID lists every problem with its row and pointer and nothing is written; otherwise
 * every row that changes something is saved in one transaction with one audit entry. Rows that
 * change nothing, matters in review and drafts edited since the export are counted and listed,
 * not written. `sources` (from the parsers) locate problems in the file and carry the version each
 * row was exported from; `parseIssues` are the problems the parser already found (unreadable cells).
 * `isChecked` says checkImport already ran on these documents and found nothing (off the request thread).
 * Documents written against an older meta-schema are migrated first (upgradeImported), and the
 * result says how many were.
 */
export async function importCatalog(
  deps: { db: Db; clock: Clock },
  call: Call,
  {
    documents: given,
    saveDraft,
    sources = [],
    parseIssues = [],
    isChecked = false,
    migrated: alreadyMigrated = NO_MIGRATION,
    isDryRun = false,
  }: {
    documents: readonly unknown[];
    saveDraft: SaveDraft;
    sources?: readonly DocumentSource[];
    parseIssues?: readonly ImportIssue[];
    isChecked?: boolean;
    /** With `isChecked`: what the check off the request thread migrated (parseImportFile). */
    migrated?: ImportMigration;
    /** Run every save, then roll back: the clerk sees what the import would do before it does it. */
    isDryRun?: boolean;
  },
): Promise<ImportCatalogResult> {
  const { actor } = call;
  if (actor.kind !== 'user') throw fail('AUTH_REQUIRED');
  if (!IMPORTING_ROLES.has(actor.role)) throw fail('FORBIDDEN', { role: actor.role }, '只有法制审核人员和部门管理员可以导入事项');

  const { documents, migrated } = isChecked ? { documents: given, migrated: alreadyMigrated } : upgradeImported(given);
  if (!isChecked) {
    const departments = await knownDepartmentCodes(deps.db);
    const issues = checkImport({ documents, sources, parseIssues, actor, departments });
    if (issues.length > 0) {
      throw fail('IMPORT_INVALID', { errors: issues.slice(0, MAX_REPORTED_ISSUES), total: issues.length });
    }
  }

  const run = () =>
    deps.db.transaction(async (tx) => {
      const result: ImportCatalogResult = {
        created: 0,
        updated: 0,
        unchanged: 0,
        total: documents.length,
        codes: [],
        conflicts: [],
        inReview: [],
        migrated,
        isDryRun,
      };
      let sliceStart = performance.now();
      for (const [index, document] of documents.entries()) {
        // An in-process database answers within microtasks, so a thousand saves would never let a
        // timer or another request in; give the event loop a turn every few dozen milliseconds.
        if (performance.now() - sliceStart > YIELD_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
        const matter = document as MatterDocument;
        const source = sources[index] ?? { row: index + 1 };
        let outcome: SaveDraftOutcome;
        try {
          outcome = await saveDraft(tx, matter, source.sourceVersion);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          // Stop at the first failed save: the transaction is rolled back, so nothing was imported.
          throw fail('IMPORT_INVALID', {
            errors: saveErrorIssues(error.code, error.message, error.details, source, matter.code),
            total: 1,
          });
        }
        if (outcome === 'unchanged') result.unchanged += 1;
        else if (outcome === 'in_review') result.inReview.push({ code: matter.code, row: source.row });
        else if (typeof outcome === 'object')
          result.conflicts.push({ code: matter.code, row: source.row, reason: outcome.conflict });
        else {
          if (outcome === 'created') result.created += 1;
          else result.updated += 1;
          result.codes.push(matter.code);
        }
      }
      await recordAudit(
        deps,
        { ...call, tx },
        {
          action: 'catalog.import',
          targetType: 'catalog',
          details: {
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            conflicts: result.conflicts.length,
            inReview: result.inReview.length,
            total: result.total,
            migrated: migrated.count,
          },
        },
      );
      // The same saves as a real import, so conflicts and review states are found the same way.
      if (isDryRun) throw new DryRunRollback(result);
      return result;
    });
  try {
    return await run();
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

/** Thrown out of a dry run's transaction so that the database rolls every save back. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportCatalogResult) {
    super('dry run');
  }
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
