import { escapePointer, type FieldIssue } from '@matterflow/schemas';

/** Deeper than any matter document or form needs; past it the database's JSON parser gives up. */
export const MAX_JSON_DEPTH = 128;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textIssue(text: string, pointer: string): FieldIssue | undefined {
  if (text.includes('\u0000')) return { pointer, code: 'json.nul', message: '内容不能包含空字符（\\u0000）' };
  if (LONE_SURROGATE.test(text))
    return { pointer, code: 'json.surrogate', message: '内容包含无效的 Unicode 字符（不成对的代理项）' };
  return undefined;
}

/**
 * The first value PostgreSQL could not store as JSONB or text: a NUL, a lone surrogate (in a
 * key or a string), or nesting past MAX_JSON_DEPTH. Walked without recursion, so a hostile depth
 * cannot overflow the stack here either.
 */
export function checkJsonValue(value: unknown, prefix = ''): FieldIssue | undefined {
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: prefix, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const issue = textIssue(item.value, item.pointer || '/');
      if (issue) return issue;
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_JSON_DEPTH) {
      return { pointer: item.pointer || '/', code: 'json.too_deep', message: `嵌套层级超过 ${MAX_JSON_DEPTH} 层` };
    }
    for (const [key, child] of Object.entries(item.value)) {
      const pointer = `${item.pointer}/${escapePointer(key)}`;
      const keyIssue = textIssue(key, pointer);
      if (keyIssue) return keyIssue;
      stack.push({ value: child, pointer, depth: item.depth + 1 });
    }
  }
  return undefined;
}
