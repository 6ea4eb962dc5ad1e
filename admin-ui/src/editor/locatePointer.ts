import { parsePointer } from './pointers';

export interface TextSpan {
  start: number;
  end: number;
}

interface Scanner {
  text: string;
  at: number;
}

const skipSpace = (s: Scanner) => {
  while (s.at < s.text.length && /\s/.test(s.text[s.at] as string)) s.at += 1;
};

function skipString(s: Scanner): string {
  const start = s.at;
  s.at += 1;
  while (s.at < s.text.length && s.text[s.at] !== '"') s.at += s.text[s.at] === '\\' ? 2 : 1;
  s.at += 1;
  return JSON.parse(s.text.slice(start, s.at)) as string;
}

/** Walks one value; when `path` is not yet exhausted, descends into the matching child. */
function walk(s: Scanner, path: readonly string[], found: { span: TextSpan; key?: TextSpan }): void {
  skipSpace(s);
  const start = s.at;
  const open = s.text[s.at];
  if (open === '{' || open === '[') {
    s.at += 1;
    let index = 0;
    for (;;) {
      skipSpace(s);
      if (s.text[s.at] === '}' || s.text[s.at] === ']') break;
      let name = String(index);
      let keySpan: TextSpan | undefined;
      if (open === '{') {
        const keyStart = s.at;
        name = skipString(s);
        keySpan = { start: keyStart, end: s.at };
        skipSpace(s);
        s.at += 1; // the colon
      }
      const isWanted = path[0] === name;
      if (isWanted) {
        skipSpace(s);
        found.span = { start: s.at, end: s.at };
        if (keySpan) found.key = keySpan;
        else delete found.key;
      }
      walk(s, isWanted ? path.slice(1) : [], isWanted ? found : { span: { start: 0, end: 0 } });
      skipSpace(s);
      if (s.text[s.at] === ',') s.at += 1;
      index += 1;
      if (s.at >= s.text.length) return;
    }
    s.at += 1;
  } else if (open === '"') skipString(s);
  else while (s.at < s.text.length && !/[\s,\]}]/.test(s.text[s.at] as string)) s.at += 1;
  // Still ours when no child matched: the nearest present parent of an absent field.
  if (found.span.start === start && found.span.end === start) found.span = { start, end: s.at };
}

/**
 * Where a pointer's value is in a JSON text, to put a marker on it: the property's name and value
 * for an object member, the value for an array item. A pointer to something absent (a missing
 * required field) gives its nearest present parent. The text must parse (the caller checks).
 */
export function locatePointer(text: string, pointer: string): TextSpan {
  const found: { span: TextSpan; key?: TextSpan } = { span: { start: 0, end: 0 } };
  const s: Scanner = { text, at: 0 };
  skipSpace(s);
  found.span = { start: s.at, end: s.at };
  walk(s, parsePointer(pointer), found);
  return found.key ? { start: found.key.start, end: found.span.end } : found.span;
}
