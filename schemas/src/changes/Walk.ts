import { escapePointer } from '../fieldIssues';
import { asObject, type JsonObject } from '../looseDocument';
import type { MetaPath } from './metaTitles';
import { sectionOf, type ChangeSection } from './sections';
import { identityKey, isSame, sayValue } from './values';

/** One change in words: the editor section it belongs to, where in the document, and the sentence. */
export interface ChangeLine {
  section: ChangeSection;
  pointer: string;
  text: string;
}

/** Where the walk is: the document path, its pattern (array positions as `*`), meta-schema and words. */
export interface Place {
  path: readonly (string | number)[];
  pattern: string;
  meta: MetaPath;
  label: string;
}

/** A describer for one part of the document that says it better than the generic walk; true when handled. */
export type Hook = (walk: Walk, place: Place, before: unknown, after: unknown) => boolean;

/**
 * The words for the items of one list: the list's name in a sentence, each item's quoted name, and
 * the words for a kept item's parts when its name alone reads better than the whole (default list + name).
 */
export type ItemWords = (place: Place, item: unknown, position: number) => { list: string; name: string; label?: string };

export interface WalkRules {
  hooks: Readonly<Record<string, Hook>>;
  /** Names that read better than the meta-schema title, by pattern; given the parent's words. */
  labels: Readonly<Record<string, (parent: string) => string>>;
  itemWords: ItemWords;
}

const pointerOf = (path: readonly (string | number)[]) => path.map((segment) => `/${escapePointer(String(segment))}`).join('');

/**
 * The generic comparison of two documents, part by part. Every difference ends in a sentence: a
 * part no hook knows is named by its meta-schema title (or its key, outside the meta-schema), so
 * nothing a clerk changed is left out of the list.
 */
export class Walk {
  readonly lines: ChangeLine[] = [];

  constructor(
    readonly from: JsonObject,
    readonly to: JsonObject,
    private readonly rules: WalkRules,
  ) {}

  say(place: Place, text: string): void {
    this.lines.push({ section: sectionOf(String(place.path[0] ?? '')), pointer: pointerOf(place.path), text });
  }

  /** The place of a property below `place`, named by the rules, else by the meta-schema title. */
  child(place: Place, key: string, label?: string): Place {
    const pattern = place.pattern === '' ? key : `${place.pattern}/${key}`;
    const meta = place.meta.child(key);
    const named = this.rules.labels[pattern]?.(place.label);
    const title = meta.title ?? key;
    return {
      path: [...place.path, key],
      pattern,
      meta,
      label: label ?? named ?? (place.label === '' ? title : `${place.label}·${title}`),
    };
  }

  item(place: Place, position: number, label: string): Place {
    return { path: [...place.path, position], pattern: `${place.pattern}/*`, meta: place.meta.child(position), label };
  }

  compare(place: Place, before: unknown, after: unknown): void {
    if (isSame(before, after)) return;
    const hook = this.rules.hooks[place.pattern];
    if (hook?.(this, place, before, after)) return;
    if (Array.isArray(before) && Array.isArray(after)) return this.compareLists(place, before, after);
    const left = asObject(before);
    const right = asObject(after);
    if (left && right) {
      for (const key of new Set([...Object.keys(right), ...Object.keys(left)])) {
        this.compare(this.child(place, key), left[key], right[key]);
      }
      return;
    }
    this.compareValues(place, before, after);
  }

  /** A plain value, or a part that appeared, went or changed its kind. */
  compareValues(place: Place, before: unknown, after: unknown): void {
    const say = (value: unknown) => this.sayValue(place, value);
    const added = asObject(after);
    // A new part with parts of its own is said part by part (本情形另需提交 新增：《…》), not as "新增".
    if (before === undefined && added && Object.keys(added).length > 0) return this.compare(place, {}, added);
    if (before === undefined) {
      const value = say(after);
      return this.say(place, value === undefined ? `${place.label} 新增` : `${place.label} 新增：${value}`);
    }
    if (after === undefined) {
      const value = say(before);
      return this.say(place, value === undefined ? `${place.label} 删除` : `${place.label} 删除：${value}`);
    }
    const [was, is] = [say(before), say(after)];
    this.say(place, was !== undefined && is !== undefined ? `${place.label} 由 ${was} 改为 ${is}` : `${place.label} 已修改`);
  }

  sayValue(place: Place, value: unknown): string | undefined {
    if (Array.isArray(value)) {
      const words = value.map((item, n) => this.rules.itemWords(place, item, n).name);
      return words.length > 0 ? words.join('、') : '（空）';
    }
    return sayValue(value, (v) => place.meta.enumName(v));
  }

  private compareLists(place: Place, before: unknown[], after: unknown[]): void {
    const key = identityKey(before, after);
    const isScalar = [...before, ...after].every((item) => asObject(item) === undefined && !Array.isArray(item));
    if (key === undefined && !isScalar) return this.compareByPosition(place, before, after);
    const identity = (item: unknown) => (key === undefined ? JSON.stringify(item) : String(asObject(item)?.[key]));
    const old = new Map(before.map((item, n) => [identity(item), n]));
    const kept = new Set(after.map(identity));
    after.forEach((item, n) => {
      const was = old.get(identity(item));
      const words = this.rules.itemWords(place, item, n);
      if (was === undefined) this.say(this.item(place, n, words.list), `${words.list} 新增：${words.name}`);
      else if (!isScalar) this.compare(this.item(place, n, words.label ?? `${words.list}${words.name}`), before[was], item);
    });
    before.forEach((item, n) => {
      if (kept.has(identity(item))) return;
      const words = this.rules.itemWords(place, item, n);
      this.say(this.item(place, n, words.list), `${words.list} 删除：${words.name}`);
    });
    const order = (list: unknown[], others: Set<string>) => list.map(identity).filter((id) => others.has(id));
    if (order(before, kept).join('\u0000') !== order(after, new Set(old.keys())).join('\u0000')) {
      this.say(place, `${place.label} 顺序调整`);
    }
  }

  /** Items with nothing that tells them apart: compared position by position. */
  private compareByPosition(place: Place, before: unknown[], after: unknown[]): void {
    for (let n = 0; n < Math.max(before.length, after.length); n++) {
      const words = this.rules.itemWords(place, after[n] ?? before[n], n);
      if (n >= before.length) this.say(this.item(place, n, words.list), `${words.list} 新增：${words.name}`);
      else if (n >= after.length) this.say(this.item(place, n, words.list), `${words.list} 删除：${words.name}`);
      else this.compare(this.item(place, n, words.label ?? `${words.list}${words.name}`), before[n], after[n]);
    }
  }
}
