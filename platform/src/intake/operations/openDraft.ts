import { randomUUID } from 'node:crypto';
import { checkIdNumber, normalizeIdNumber, PHONE_PATTERN } from '@matterflow/schemas';
import { getCurrentMatter } from '../../catalog';
import { findCitizen, findCitizenByIdNumber } from '../../identity';
import { assertDepartmentScope, fail, inTransaction, requireRole, type Call, type FieldIssue } from '../../kernel';
import type { Applicant, DraftView } from '../Draft';
import type { IntakeDeps } from '../intakeDeps';
import { hookTargetOf } from '../plugins/hookTargetOf';
import { prefillDraft } from '../plugins/prefillDraft';
import { insertDraft, updateDraftPlugins } from '../store/draftStore';
import { draftView } from './draftView';

export interface OpenDraftInput {
  matterCode: string;
  answers?: Record<string, string>;
  /** 代办: the applicant a window clerk files for. */
  onBehalfOf?: { name: string; idNumber: string; phone: string };
}

function checkOnBehalf(input: NonNullable<OpenDraftInput['onBehalfOf']>, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const idIssue = checkIdNumber(input.idNumber, today);
  if (idIssue) issues.push({ pointer: '/onBehalfOf/idNumber', ...idIssue });
  if (!PHONE_PATTERN.test(input.phone.trim()))
    issues.push({ pointer: '/onBehalfOf/phone', code: 'schema.pattern', message: '手机号码应为 11 位，以 1 开头' });
  return issues;
}

/**
 * Starts an application: a draft pinned to the version of the matter in force today. A citizen
 * applies for themself; a window clerk files for a citizen (代办) of a matter of their department,
 * recorded as such and linked to the citizen's account when there is one.
 */
export async function openDraft(deps: IntakeDeps, call: Call, input: OpenDraftInput): Promise<DraftView> {
  const { actor } = call;
  requireRole(actor, ['citizen', 'window']);
  return inTransaction(deps.db, call, async (tx) => {
    const inTx = { ...call, tx };
    const matter = await getCurrentMatter(deps, inTx, { code: input.matterCode });
    let applicant: Applicant;
    if (actor.role === 'window') {
      assertDepartmentScope(actor, matter.departmentCode);
      if (!input.onBehalfOf)
        throw fail('VALIDATION_FAILED', [
          { pointer: '/onBehalfOf', code: 'applicant.on_behalf_required', message: '代办须填写申请人的姓名、身份证号和手机号码' },
        ]);
      const issues = checkOnBehalf(input.onBehalfOf, deps.clock.today());
      if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
      const idNumber = normalizeIdNumber(input.onBehalfOf.idNumber);
      const account = await findCitizenByIdNumber(deps, idNumber, inTx);
      applicant = {
        name: input.onBehalfOf.name.trim(),
        idNumber,
        phone: input.onBehalfOf.phone.trim(),
        userId: account?.userId ?? null,
      };
    } else {
      if (input.onBehalfOf)
        throw fail('VALIDATION_FAILED', [
          { pointer: '/onBehalfOf', code: 'applicant.on_behalf_forbidden', message: '只有窗口工作人员可以代办' },
        ]);
      const citizen = await findCitizen(deps, { userId: actor.userId }, inTx);
      if (!citizen) throw fail('FORBIDDEN', undefined, '请先完成实名注册后再申请');
      applicant = { name: citizen.name, idNumber: citizen.idNumber, phone: citizen.phone, userId: citizen.userId };
    }
    const questions = new Map((matter.document.guideQuestions ?? []).map((question) => [question.id, question]));
    // Answers carried over from 情形引导 are kept only where they are real options of this version.
    const answers = Object.fromEntries(
      Object.entries(input.answers ?? {}).filter(([id, value]) =>
        questions.get(id)?.options.some((option) => option.value === value),
      ),
    );
    const draft = await insertDraft(
      tx,
      {
        id: randomUUID(),
        matterCode: matter.code,
        version: matter.version,
        ownerUserId: actor.userId,
        applicant,
        isOnBehalf: actor.role === 'window',
        answers,
        formData: {},
        materials: {},
      },
      deps.clock.now(),
    );
    const target = deps.plugins && hookTargetOf(matter);
    const prefilled = deps.plugins && target ? await prefillDraft(deps.plugins, inTx, target, applicant) : undefined;
    const started = prefilled
      ? await updateDraftPlugins(tx, { id: draft.id, revision: draft.revision, ...prefilled })
      : undefined;
    return draftView(started ?? draft, { document: matter.document, files: new Map(), applicationNumber: null });
  });
}
