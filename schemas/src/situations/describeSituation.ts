import { describeCondition } from '../conditions';
import type { GuideQuestion, Situation } from '../generated/MatterDocument';
import type { SituationDocument } from './requirementsFor';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `when` with option values replaced by their titles, so describeCondition prints words, not ids. */
function withOptionTitles(when: unknown, questions: readonly GuideQuestion[]): unknown {
  if (!isSchema(when)) return when;
  const titleOf = (questionId: string, value: unknown) =>
    questions.find((q) => q.id === questionId)?.options.find((o) => o.value === value)?.title ?? value;
  const relabel = (questionId: string, rule: unknown): unknown => {
    if (!isSchema(rule)) return rule;
    const copy: Schema = { ...rule };
    if ('const' in rule) copy.const = titleOf(questionId, rule.const);
    if (Array.isArray(rule.enum)) copy.enum = rule.enum.map((value) => titleOf(questionId, value));
    if (isSchema(rule.not)) copy.not = relabel(questionId, rule.not);
    return copy;
  };
  const copy: Schema = { ...when };
  if (isSchema(when.properties)) {
    copy.properties = Object.fromEntries(Object.entries(when.properties).map(([id, rule]) => [id, relabel(id, rule)]));
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = when[keyword];
    if (Array.isArray(list)) copy[keyword] = list.map((sub) => withOptionTitles(sub, questions));
  }
  if (isSchema(when.not)) copy.not = withOptionTitles(when.not, questions);
  return copy;
}

const withoutQuestionMark = (title: string) => title.replace(/[？?]\s*$/, '');

/**
 * The common shape — each question compared with one or more options — as “问题：选项”, which reads
 * right also for a question that ends in a question mark; undefined for anything else.
 */
function simpleWhen(when: unknown, questions: readonly GuideQuestion[]): string | undefined {
  if (!isSchema(when) || !isSchema(when.properties)) return undefined;
  const allowed = new Set(['properties', 'required', 'type']);
  if (Object.keys(when).some((key) => !allowed.has(key))) return undefined;
  const clauses: string[] = [];
  for (const [id, rule] of Object.entries(when.properties)) {
    if (!isSchema(rule)) return undefined;
    const values = 'const' in rule ? [rule.const] : Array.isArray(rule.enum) ? rule.enum : undefined;
    if (!values || Object.keys(rule).some((key) => key !== 'const' && key !== 'enum')) return undefined;
    const question = questions.find((q) => q.id === id);
    const title = withoutQuestionMark(question?.title ?? id);
    const options = values.map((value) => question?.options.find((o) => o.value === value)?.title ?? String(value));
    clauses.push(`${title}：${options.join('或')}`);
  }
  return clauses.length > 0 ? clauses.join('；') : undefined;
}

/**
 * When a situation applies, in words: its guiding answers by question and option title (“申请阶段：
 * 筹建完成，申请最终审核”), and its form condition by the form's field titles. Empty when it has
 * neither.
 */
export function describeSituation(situation: Situation, document: SituationDocument): string {
  const questions = document.guideQuestions ?? [];
  const parts: string[] = [];
  const simple = simpleWhen(situation.when, questions);
  if (simple !== undefined) parts.push(simple);
  else if (situation.when !== undefined) {
    const pseudoForm = { properties: Object.fromEntries(questions.map((q) => [q.id, { title: withoutQuestionMark(q.title) }])) };
    parts.push(describeCondition(withOptionTitles(situation.when, questions), pseudoForm));
  }
  // Said as what the form will hold: beside an answer to a guiding question, a bare “且申请阶段为…”
  // read as a second question the applicant had not been asked.
  if (situation.condition !== undefined) {
    const form = describeCondition(situation.condition, document.form?.schema);
    if (form) parts.push(parts.length > 0 ? `申请表中${form}` : form);
  }
  return parts.filter(Boolean).join('，');
}
