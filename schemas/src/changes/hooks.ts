import { describeCondition } from '../conditions';
import type { Situation } from '../generated/MatterDocument';
import { asObject, at, type JsonObject } from '../looseDocument';
import { describeSituation, type SituationDocument } from '../situations';
import { limitWords } from './limitWords';
import { isSame } from './values';
import type { Hook, Place, Walk } from './Walk';

/** The duration words first (承诺时限 由 10 个工作日 改为 5 个工作日), then its other parts. */
export const describeLimit: Hook = (walk, place, before, after) => {
  const missing = place.pattern.endsWith('promised') ? '未承诺' : '未规定';
  const [was, is] = [limitWords(before, missing), limitWords(after, missing)];
  if (was !== is) walk.say(place, `${place.label} 由 ${was} 改为 ${is}`);
  const left = asObject(before) ?? {};
  const right = asObject(after) ?? {};
  for (const key of new Set([...Object.keys(right), ...Object.keys(left)])) {
    if (key === 'value' || key === 'unit' || key === 'unspecified') continue;
    walk.compare(walk.child(place, key), left[key], right[key]);
  }
  return true;
};

const quoted = (words: string) => (words === '' ? '所有情形' : `「${words}」`);

function sayRuleChange(walk: Walk, place: Place, was: string, is: string): void {
  walk.say(place, was === is ? `${place.label} 已修改` : `${place.label} 由 ${quoted(was)} 改为 ${quoted(is)}`);
}

/** A form condition in the words the guide prints, each side with its own form's field titles. */
export const describeFormCondition: Hook = (walk, place, before, after) => {
  const words = (condition: unknown, document: JsonObject) =>
    condition === undefined ? '' : describeCondition(condition, asObject(at(document, 'form', 'schema')));
  sayRuleChange(walk, place, words(before, walk.from), words(after, walk.to));
  return true;
};

/** A situation's `when`, by question and option titles, as the guide and the portal say it. */
export const describeWhen: Hook = (walk, place, before, after) => {
  const words = (when: unknown, document: JsonObject) =>
    when === undefined ? '' : describeSituation({ when } as Situation, document as SituationDocument);
  sayRuleChange(walk, place, words(before, walk.from), words(after, walk.to));
  return true;
};

const feeWords = (isFee: unknown) => (isFee === true ? '收费' : isFee === false ? '不收费' : '未填写');

export const describeIsFee: Hook = (walk, place, before, after) => {
  walk.say(place, `${place.label} 由 ${feeWords(before)} 改为 ${feeWords(after)}`);
  return true;
};

/** The material names of both versions by id: a reference reads as the material, not its id. */
export function materialNames(from: JsonObject, to: JsonObject): Map<string, string> {
  const names = new Map<string, string>();
  for (const document of [from, to]) {
    for (const material of Array.isArray(document.materials) ? document.materials : []) {
      const { id, name } = asObject(material) ?? {};
      if (typeof id === 'string' && typeof name === 'string') names.set(id, name);
    }
  }
  return names;
}

/** A single material reference (the 承诺书): named as the material. */
export function describeMaterialRef(names: Map<string, string>): Hook {
  const say = (id: unknown) => (typeof id === 'string' ? `《${names.get(id) ?? id}》` : '（无）');
  return (walk, place, before, after) => {
    if (isSame(before, after)) return true;
    walk.say(place, `${place.label} 由 ${say(before)} 改为 ${say(after)}`);
    return true;
  };
}
