import { labelOf } from '../codeLabels';
import { asList, asObject, asText, at, type JsonObject } from '../looseDocument';
import { matterMetaSchema } from '../metaSchemas';
import { describeForm } from './formChanges';
import { describeMaterials } from './materialChanges';
import { describeFormCondition, describeIsFee, describeLimit, describeMaterialRef, describeWhen, materialNames } from './hooks';
import { MetaPath } from './metaTitles';
import { CHANGE_SECTIONS } from './sections';
import { itemName, sayValue } from './values';
import { Walk, type ChangeLine, type Hook, type ItemWords, type Place, type WalkRules } from './Walk';

const same = (parent: string) => parent;

const LABELS: WalkRules['labels'] = {
  materials: () => '申请材料',
  legalBasis: () => '法律依据',
  'fees/items': same,
  'timeLimits/statutory': () => '法定时限',
  'timeLimits/promised': () => '承诺时限',
  'situations/*/timeLimits': same,
  'situations/*/timeLimits/statutory': (parent) => `${parent}·法定时限`,
  'situations/*/timeLimits/promised': (parent) => `${parent}·承诺时限`,
  'situations/*/fees/items': same,
  'situations/*/materials': same,
  'flow/nodes': () => '流程环节',
  guideQuestions: () => '引导问题',
  'fees/isFee': () => '收费',
  'situations/*/fees/isFee': same,
  'materials/*/condition': (parent) => `${parent}·适用情形`,
  'fees/items/*/condition': (parent) => `${parent}·适用情形`,
  'situations/*/condition': (parent) => `${parent}·适用条件（申请表）`,
  'situations/*/fees/items/*/condition': (parent) => `${parent}·适用情形`,
  'situations/*/when': (parent) => `${parent}·适用条件（引导问题）`,
};

/** Lists whose items are material ids. */
const MATERIAL_LISTS = new Set(['situations/*/materials/add', 'situations/*/materials/waive', 'toleratedAcceptance/materials']);

const legalRefName = (ref: JsonObject) => {
  const articles = asList(ref.articles).filter((article) => typeof article === 'string');
  return `《${asText(ref.lawName) ?? '未命名法规'}》${articles.join('、')}`;
};

function itemWordsFor(names: Map<string, string>): ItemWords {
  return (place, item, position) => {
    const object = asObject(item);
    if (MATERIAL_LISTS.has(place.pattern) && typeof item === 'string') {
      return { list: place.label, name: `《${names.get(item) ?? item}》` };
    }
    if (!object) {
      const meta = place.meta.child(position);
      return { list: place.label, name: sayValue(item, (value) => meta.enumName(value)) ?? String(item) };
    }
    if (place.pattern === 'materials') return { list: place.label, name: `《${itemName(object) ?? object.id}》` };
    if (typeof object.lawName === 'string') {
      // 设定依据 and 实施依据 are one list; a clerk reads each entry under its own role.
      const list =
        place.pattern === 'legalBasis'
          ? labelOf('legalRole', typeof object.role === 'string' ? object.role : 'set')
          : place.label;
      return { list, name: legalRefName(object), label: `${list}《${asText(object.lawName) ?? '未命名法规'}》` };
    }
    const name = itemName(object);
    return { list: place.label, name: name === undefined ? `第 ${position + 1} 项` : `「${name}」` };
  };
}

function rulesFor(from: JsonObject, to: JsonObject): WalkRules {
  const names = materialNames(from, to);
  const hooks: Record<string, Hook> = {
    form: describeForm,
    materials: describeMaterials,
    'timeLimits/statutory': describeLimit,
    'timeLimits/promised': describeLimit,
    'situations/*/timeLimits/statutory': describeLimit,
    'situations/*/timeLimits/promised': describeLimit,
    'materials/*/condition': describeFormCondition,
    'fees/items/*/condition': describeFormCondition,
    'situations/*/condition': describeFormCondition,
    'situations/*/fees/items/*/condition': describeFormCondition,
    'situations/*/when': describeWhen,
    'fees/isFee': describeIsFee,
    'situations/*/fees/isFee': describeIsFee,
    'commitment/letterMaterialId': describeMaterialRef(names),
    'situations/*/commitment/letterMaterialId': describeMaterialRef(names),
  };
  return { hooks, labels: LABELS, itemWords: itemWordsFor(names) };
}

const TOP_LEVEL_ORDER = Object.keys(asObject(at(matterMetaSchema, 'properties')) ?? {});
const sectionRank = (line: ChangeLine) => CHANGE_SECTIONS.indexOf(line.section);

/**
 * What changed between two matter documents, in the words a clerk reads: 申请材料 新增：《…》,
 * 承诺时限 由 10 个工作日 改为 5 个工作日, 表单 新增字段：联系电话 — grouped by the editor's sections in
 * its order, each with the JSON pointer of the part. Documents are read loosely (a draft may not
 * pass its meta-schema yet); a part no describer knows still gets a line named by its meta-schema
 * title, so the list is never shorter than the change.
 */
export function describeChanges(from: unknown, to: unknown): ChangeLine[] {
  const left = asObject(from) ?? {};
  const right = asObject(to) ?? {};
  const walk = new Walk(left, right, rulesFor(left, right));
  const root: Place = { path: [], pattern: '', meta: MetaPath.root(), label: '' };
  for (const key of new Set([...TOP_LEVEL_ORDER, ...Object.keys(right), ...Object.keys(left)])) {
    walk.compare(walk.child(root, key), left[key], right[key]);
  }
  // A stable sort: within a section, the document's own order.
  return walk.lines
    .map((line, n) => ({ line, n }))
    .sort((a, b) => sectionRank(a.line) - sectionRank(b.line) || a.n - b.n)
    .map(({ line }) => line);
}
