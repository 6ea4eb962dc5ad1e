import { whenMentions } from '@matterflow/schemas';
import type { JsonObject } from '../editor/SectionProps';
import { isJsonObject } from './isJsonObject';

const nameOf = (value: unknown) => (isJsonObject(value) && typeof value.name === 'string' ? value.name : undefined);

/** Whose condition a pointer is, as the clerk names it: 材料“授权委托书”, 情形“…”, 收费“…”, 流程. */
function ownerOf(document: JsonObject, path: string[]): string {
  const [top, index] = path;
  const list = top ? document[top] : undefined;
  const item = Array.isArray(list) && index !== undefined ? list[Number(index)] : undefined;
  if (top === 'materials') return `材料“${nameOf(item) ?? index}”`;
  if (top === 'situations') return `情形“${nameOf(item) ?? index}”`;
  if (top === 'fees') return '收费项目';
  if (top === 'flow') return '流程';
  return top ?? '事项';
}

/**
 * Every condition over the form data in the document: `condition` anywhere (materials, situations,
 * fees, flow steps) and a flow route's `when`. A situation's `when` is over the guide's answers and
 * the form itself holds none, so both are left out.
 */
function formConditions(document: JsonObject): { path: string[]; condition: JsonObject }[] {
  const found: { path: string[]; condition: JsonObject }[] = [];
  const visit = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, String(i)]));
    if (!isJsonObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (path.length === 0 && key === 'form') continue;
      const isCondition = key === 'condition' || (key === 'when' && path[0] === 'flow');
      if (isCondition && isJsonObject(child)) found.push({ path: [...path, key], condition: child });
      else visit(child, [...path, key]);
    }
  };
  visit(document, []);
  return found;
}

/** Who relies on a form field in a condition: said before the field is deleted or renamed. */
export function fieldUsages(document: JsonObject, field: string): string[] {
  const owners = formConditions(document)
    .filter(({ condition }) => whenMentions(condition, '').some((mention) => mention.questionId === field))
    .map(({ path }) => ownerOf(document, path));
  return [...new Set(owners)];
}
