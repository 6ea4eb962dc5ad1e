import { describe, expect, it } from 'vitest';
import { locatePointer } from './locatePointer';

const text = JSON.stringify(
  {
    code: 'X1',
    name: 'a "quoted" name',
    materials: [
      { id: 'm1', name: '身份证' },
      { id: 'm2', copies: 2 },
    ],
    flag: true,
  },
  null,
  2,
);
const at = (pointer: string) => {
  const { start, end } = locatePointer(text, pointer);
  return text.slice(start, end);
};

describe('locatePointer', () => {
  it('spans a member from its name to the end of its value', () => {
    expect(at('/name')).toBe('"name": "a \\"quoted\\" name"');
    expect(at('/flag')).toBe('"flag": true');
    expect(at('/materials/1/copies')).toBe('"copies": 2');
  });

  it('spans an array item and whole containers', () => {
    expect(at('/materials/0')).toBe(JSON.stringify({ id: 'm1', name: '身份证' }, null, 2).replace(/\n/g, '\n    '));
    expect(at('/materials/0/name')).toBe('"name": "身份证"');
  });

  it('falls back to the nearest present parent for an absent field', () => {
    expect(at('/materials/1/name')).toBe(at('/materials/1'));
    expect(at('/nothing')).toBe(text);
    expect(at('')).toBe(text);
  });

  it('reads minified text too', () => {
    const flat = '{"a":[1,{"b":"x,y]"}],"c":null}';
    const { start, end } = locatePointer(flat, '/a/1/b');
    expect(flat.slice(start, end)).toBe('"b":"x,y]"');
    const c = locatePointer(flat, '/c');
    expect(flat.slice(c.start, c.end)).toBe('"c":null');
  });
});
