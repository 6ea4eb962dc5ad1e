import { asList, asObject, asString, type JsonObject } from '../looseDocument';
import type { Hook } from './Walk';

export interface ListedMaterial {
  id: string;
  name: string;
  /** Its position in its version's list. */
  position: number;
}

const listed = (document: unknown): ListedMaterial[] =>
  asList(asObject(document)?.materials).flatMap((item, position) => {
    const material = asObject(item);
    const id = asString(material?.id);
    return id === undefined ? [] : [{ id, name: asString(material?.name) ?? id, position }];
  });

/** The materials one version lists and the other does not, told apart by id (a rename is not a new material). */
export function materialListChanges(
  from: unknown,
  to: unknown,
): { added: ListedMaterial[]; removed: ListedMaterial[]; kept: { before: ListedMaterial; after: ListedMaterial }[] } {
  const before = new Map(listed(from).map((material) => [material.id, material]));
  const after = listed(to);
  const ids = new Set(after.map((material) => material.id));
  return {
    added: after.filter((material) => !before.has(material.id)),
    removed: [...before.values()].filter((material) => !ids.has(material.id)),
    kept: after.flatMap((material) => {
      const old = before.get(material.id);
      return old ? [{ before: old, after: material }] : [];
    }),
  };
}

/** 申请材料: new and dropped materials by name, then each kept one part by part under its name. */
export const describeMaterials: Hook = (walk, place, before, after) => {
  if (!Array.isArray(before) || !Array.isArray(after)) return false;
  const { added, removed, kept } = materialListChanges(walk.from, walk.to);
  if (added.length + removed.length + kept.length !== new Set([...before, ...after].map((m) => asObject(m)?.id)).size) {
    return false; // materials without ids: the generic walk compares them by position
  }
  for (const material of added) walk.say(walk.item(place, material.position, place.label), `申请材料 新增：《${material.name}》`);
  for (const material of removed)
    walk.say(walk.item(place, material.position, place.label), `申请材料 删除：《${material.name}》`);
  for (const { before: old, after: now } of kept) {
    const label = `申请材料《${now.name}》`;
    if (old.name !== now.name) walk.say(walk.item(place, now.position, label), `申请材料《${old.name}》改名为《${now.name}》`);
    const { name: _oldName, ...was } = before[old.position] as JsonObject;
    const { name: _newName, ...is } = after[now.position] as JsonObject;
    walk.compare(walk.item(place, now.position, label), was, is);
  }
  const order = (list: ListedMaterial[]) => list.map((material) => material.id).join('\u0000');
  const keptBefore = kept.map((pair) => pair.before).sort((a, b) => a.position - b.position);
  if (order(keptBefore) !== order(kept.map((pair) => pair.after))) walk.say(place, '申请材料 顺序调整');
  return true;
};
