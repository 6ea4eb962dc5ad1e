import {
  asArray,
  asList,
  asObject,
  asString,
  asText,
  checkCondition,
  formatDuration,
  whenMentions,
  type FieldIssue,
  type JsonObject,
} from '@matterflow/schemas';
import type { SituationStart } from '../../flows';
import { readTimeLimit } from '../rules';

type Entry = { value: JsonObject; index: number };

const entries = (list: unknown): Entry[] =>
  (asList(list) ?? []).flatMap((value, index) => {
    const object = asObject(value);
    return object ? [{ value: object, index }] : [];
  });

const situationLabel = ({ value, index }: Entry) =>
  `办理情形“${asString(value.name) ?? index + 1}”（${asString(value.id) ?? index + 1}）`;

/** Ids used twice: the later entry is the one to rename. */
function duplicateIds(list: Entry[], pointer: (index: number) => string, say: (id: string, first: number) => string) {
  const first = new Map<string, number>();
  const issues: { pointer: string; message: string }[] = [];
  for (const { value, index } of list) {
    const id = asString(value.id);
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else issues.push({ pointer: pointer(index), message: say(id, earlier) });
  }
  return issues;
}

function questionIssues(questions: Entry[]): FieldIssue[] {
  const issues: FieldIssue[] = duplicateIds(
    questions,
    (i) => `/guideQuestions/${i}/id`,
    (id, first) => `引导问题标识“${id}”与第 ${first + 1} 个问题重复`,
  ).map((issue) => ({ ...issue, code: 'situation.question_id_duplicate' }));
  for (const { value, index } of questions) {
    const seen = new Set<string>();
    entries(value.options).forEach(({ value: option, index: k }) => {
      const optionValue = asString(option.value);
      if (optionValue === undefined) return;
      if (!seen.has(optionValue)) {
        seen.add(optionValue);
        return;
      }
      issues.push({
        pointer: `/guideQuestions/${index}/options/${k}/value`,
        code: 'situation.option_duplicate',
        message: `引导问题“${asString(value.title) ?? index + 1}”的选项值“${optionValue}”重复`,
      });
    });
  }
  return issues;
}

/** `when` compiles, and names only questions the matter asks and values those questions offer. */
function whenIssues(situation: Entry, questions: Entry[]): FieldIssue[] {
  const { value, index } = situation;
  if (value.when === undefined) return [];
  const pointer = `/situations/${index}/when`;
  const subject = situationLabel(situation);
  const compiled = checkCondition({
    condition: value.when,
    pointer,
    subject,
    codePrefix: 'situation',
    formProperties: undefined,
  });
  if (compiled.length > 0) {
    return compiled.map((issue) => ({
      ...issue,
      code: 'situation.when_invalid',
      message: issue.message.replace('的适用条件', '的引导问题条件'),
    }));
  }
  const options = new Map<string, Set<string>>();
  for (const { value: question } of questions) {
    const id = asString(question.id);
    if (id === undefined) continue;
    options.set(id, new Set(entries(question.options).flatMap(({ value: o }) => asString(o.value) ?? [])));
  }
  const issues: FieldIssue[] = [];
  for (const mention of whenMentions(value.when, pointer)) {
    const offered = options.get(mention.questionId);
    if (!offered) {
      issues.push({
        pointer: mention.pointer,
        code: 'situation.when_unknown_question',
        message: `${subject}的引导问题条件引用了不存在的问题“${mention.questionId}”`,
      });
      continue;
    }
    for (const { value: optionValue, pointer: at } of mention.values) {
      if (typeof optionValue === 'string' && offered.has(optionValue)) continue;
      issues.push({
        pointer: at,
        code: 'situation.when_unknown_option',
        message: `${subject}的引导问题条件中，问题“${mention.questionId}”没有选项“${String(optionValue)}”`,
      });
    }
  }
  return issues;
}

function materialIssues(situation: Entry, materialIds: ReadonlySet<string>): FieldIssue[] {
  const { value, index } = situation;
  const subject = situationLabel(situation);
  const lists = asObject(value.materials);
  const issues: FieldIssue[] = [];
  const words = { add: '另需提交', waive: '免于提交' } as const;
  for (const key of ['add', 'waive'] as const) {
    (asArray(lists?.[key]) ?? []).forEach((id, k) => {
      if (typeof id !== 'string' || materialIds.has(id)) return;
      issues.push({
        pointer: `/situations/${index}/materials/${key}/${k}`,
        code: 'situation.material_unknown',
        message: `${subject}${words[key]}的材料“${id}”不在申请材料中`,
      });
    });
  }
  const waived = new Set((asArray(lists?.waive) ?? []).filter((id) => typeof id === 'string'));
  (asArray(lists?.add) ?? []).forEach((id, k) => {
    if (typeof id !== 'string' || !waived.has(id)) return;
    issues.push({
      pointer: `/situations/${index}/materials/add/${k}`,
      code: 'situation.material_added_and_waived',
      message: `${subject}对材料“${id}”既要求另行提交又免于提交`,
    });
  });
  return issues;
}

function commitmentIssues(commitment: unknown, pointer: string, subject: string, materialIds: ReadonlySet<string>): FieldIssue[] {
  const letter = asString(asObject(commitment)?.letterMaterialId);
  if (letter === undefined || materialIds.has(letter)) return [];
  return [
    {
      pointer: `${pointer}/letterMaterialId`,
      code: 'situation.commitment_letter_unknown',
      message: `${subject}告知承诺的承诺书“${letter}”不在申请材料中`,
    },
  ];
}

/**
 * The limits a situation sets itself, checked with the matter's rules and codes (limit.*): units
 * present, and a 即办件 situation promising 0. Promise against statute is checkPromiseWithinStatute's,
 * which already walks the situations.
 */
function limitIssues(situation: Entry, document: JsonObject): FieldIssue[] {
  const { value, index } = situation;
  const subject = situationLabel(situation);
  const own = asObject(value.timeLimits);
  const issues: FieldIssue[] = [];
  const labels = { statutory: '法定办结时限', promised: '承诺办结时限' } as const;
  for (const key of ['statutory', 'promised'] as const) {
    const limit = asObject(own?.[key]);
    if (limit && limit.unspecified !== true && asText(limit.unit) === undefined) {
      issues.push({
        pointer: `/situations/${index}/timeLimits/${key}/unit`,
        code: 'limit.unit_missing',
        message: `${subject}的${labels[key]}未注明单位（工作日、自然日或月）`,
      });
    }
  }
  const projectType = asString(value.projectType) ?? asString(document.projectType);
  const promised = readTimeLimit(own?.promised ?? asObject(document.timeLimits)?.promised);
  const setsEither = value.projectType !== undefined || own?.promised !== undefined;
  if (setsEither && projectType === '1' && promised && promised.value !== 0) {
    issues.push({
      pointer:
        own?.promised === undefined ? `/situations/${index}/projectType` : `/situations/${index}/timeLimits/promised/value`,
      code: 'limit.instant_nonzero',
      message: `${subject}为即办件，应当场办结，承诺办结时限应为 0，当前为 ${formatDuration(promised)}`,
    });
  }
  return issues;
}

function flowNodeIds(document: JsonObject): Set<string> | undefined {
  const nodes = asArray(asObject(document.flow)?.nodes);
  return nodes ? new Set(nodes.flatMap((node) => asString(asObject(node)?.id) ?? [])) : undefined;
}

/**
 * Static checks of 情形引导 and 办理情形 for publishing (codes `situation.*`, limits with `limit.*`):
 * unique ids; `when` over the guiding questions and `condition` over the form, each compiling and
 * naming only what exists; added and waived materials that exist and do not contradict; a flow
 * start that is a node; 承诺书 and 容缺 materials that are on the list.
 */
export function checkSituations({
  document,
  formProperties,
}: {
  document: JsonObject;
  formProperties: ReadonlySet<string> | undefined;
}): FieldIssue[] {
  const questions = entries(document.guideQuestions);
  const situations = entries(document.situations);
  const materialIds = new Set(entries(document.materials).flatMap(({ value }) => asString(value.id) ?? []));
  const nodeIds = flowNodeIds(document);
  const issues: FieldIssue[] = [
    ...questionIssues(questions),
    ...duplicateIds(
      situations,
      (i) => `/situations/${i}/id`,
      (id, first) => `办理情形标识“${id}”与第 ${first + 1} 个情形重复`,
    ).map((issue) => ({ ...issue, code: 'situation.id_duplicate' })),
  ];
  for (const situation of situations) {
    const { value, index } = situation;
    const subject = situationLabel(situation);
    issues.push(...whenIssues(situation, questions));
    if (value.condition !== undefined) {
      issues.push(
        ...checkCondition({
          condition: value.condition,
          pointer: `/situations/${index}/condition`,
          subject,
          codePrefix: 'situation',
          formProperties,
        }),
      );
    }
    issues.push(...materialIssues(situation, materialIds));
    const flowStart = asString(value.flowStart);
    // Without a flow publish.flow_missing is reported; there is nothing to start in.
    if (flowStart !== undefined && nodeIds && !nodeIds.has(flowStart)) {
      issues.push({
        pointer: `/situations/${index}/flowStart`,
        code: 'situation.flow_start_unknown',
        message: `${subject}的流程起点“${flowStart}”不是流程中的节点`,
      });
    }
    issues.push(...commitmentIssues(value.commitment, `/situations/${index}/commitment`, `${subject}的`, materialIds));
    issues.push(...limitIssues(situation, document));
  }
  issues.push(...commitmentIssues(document.commitment, '/commitment', '', materialIds));
  (asArray(asObject(document.toleratedAcceptance)?.materials) ?? []).forEach((id, k) => {
    if (typeof id !== 'string' || materialIds.has(id)) return;
    issues.push({
      pointer: `/toleratedAcceptance/materials/${k}`,
      code: 'situation.tolerated_material_unknown',
      message: `容缺受理的材料“${id}”不在申请材料中`,
    });
  });
  return issues;
}

/** Each situation as a root of the flow, with the promise it is held to (its own, or the matter's). */
export function situationStarts(document: JsonObject): SituationStart[] {
  const matterPromise = readTimeLimit(asObject(document.timeLimits)?.promised);
  return entries(document.situations).map(({ value, index }) => ({
    id: asString(value.id) ?? String(index + 1),
    name: asString(value.name) ?? String(index + 1),
    flowStart: asString(value.flowStart),
    pointer: `/situations/${index}`,
    promised: readTimeLimit(asObject(asObject(value.timeLimits)?.promised)) ?? matterPromise,
  }));
}
