import { asList, asObject, asString, at, type JsonObject } from '../looseDocument';
import { isSame } from './values';
import type { Hook } from './Walk';

export interface FormField {
  key: string;
  title: string;
}

const fieldsOf = (form: unknown): Map<string, JsonObject> =>
  new Map(Object.entries(asObject(at(form, 'schema', 'properties')) ?? {}).map(([key, schema]) => [key, asObject(schema) ?? {}]));

const titleOf = (key: string, schema: JsonObject | undefined) => asString(schema?.title) ?? key;

/** The fields of the application form that one version has and the other has not (by property name). */
export function formFieldChanges(from: unknown, to: unknown): { added: FormField[]; removed: FormField[] } {
  const before = fieldsOf(from);
  const after = fieldsOf(to);
  return {
    added: [...after].filter(([key]) => !before.has(key)).map(([key, schema]) => ({ key, title: titleOf(key, schema) })),
    removed: [...before].filter(([key]) => !after.has(key)).map(([key, schema]) => ({ key, title: titleOf(key, schema) })),
  };
}

const requiredOf = (form: unknown) => new Set(asList(at(form, 'schema', 'required')).map(String));

/**
 * 表单: fields by their titles (新增字段, 删除字段, 改名, 必填), and the rest of the form schema and its
 * layout as one line each — a clerk reads the field, not the JSON Schema keyword that changed.
 */
export const describeForm: Hook = (walk, place, before, after) => {
  if (before === undefined || after === undefined) {
    walk.say(place, after === undefined ? '表单 删除在线申请表' : '表单 新增在线申请表');
    return true;
  }
  const schema = walk.child(place, 'schema');
  const properties = walk.child(schema, 'properties');
  const fieldPlace = (key: string) => walk.child(properties, key);
  const { added, removed } = formFieldChanges(before, after);
  for (const field of added) walk.say(fieldPlace(field.key), `表单 新增字段：${field.title}`);
  for (const field of removed) walk.say(fieldPlace(field.key), `表单 删除字段：${field.title}`);
  const [oldFields, newFields] = [fieldsOf(before), fieldsOf(after)];
  const [oldRequired, newRequired] = [requiredOf(before), requiredOf(after)];
  for (const [key, field] of newFields) {
    const old = oldFields.get(key);
    if (!old) continue;
    const [was, is] = [titleOf(key, old), titleOf(key, field)];
    if (was !== is) walk.say(fieldPlace(key), `表单 字段「${was}」改名为「${is}」`);
    const { title: _oldTitle, ...oldRules } = old;
    const { title: _newTitle, ...newRules } = field;
    if (!isSame(oldRules, newRules)) walk.say(fieldPlace(key), `表单 字段「${is}」的填写要求有修改`);
    if (oldRequired.has(key) !== newRequired.has(key)) {
      walk.say(fieldPlace(key), `表单 字段「${is}」改为${newRequired.has(key) ? '必填' : '选填'}`);
    }
  }
  const left = asObject(before) ?? {};
  const right = asObject(after) ?? {};
  const [oldSchema, newSchema] = [asObject(left.schema) ?? {}, asObject(right.schema) ?? {}];
  for (const key of new Set([...Object.keys(newSchema), ...Object.keys(oldSchema)])) {
    if (key === 'properties' || key === 'required' || isSame(oldSchema[key], newSchema[key])) continue;
    walk.say(walk.child(schema, key), '表单 填写规则有修改');
  }
  for (const key of new Set([...Object.keys(right), ...Object.keys(left)])) {
    if (key === 'schema' || isSame(left[key], right[key])) continue;
    if (key === 'uiSchema') walk.say(walk.child(place, key), '表单 界面布局有修改');
    else walk.compare(walk.child(place, key), left[key], right[key]);
  }
  return true;
};
