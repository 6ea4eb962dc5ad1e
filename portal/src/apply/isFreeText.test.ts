import { describe, expect, it } from 'vitest';
import { isFreeText } from './isFreeText';

describe('isFreeText', () => {
  it('takes a textarea and a line with room for more than 200 characters', () => {
    expect(isFreeText({ type: 'string', title: '备注', maxLength: 2000 }, false)).toBe(true);
    expect(isFreeText({ type: 'string', title: '项目说明', maxLength: 200 }, true)).toBe(true);
    expect(isFreeText({ type: 'string', title: '情况说明' }, true)).toBe(true);
  });

  it('leaves what autofill fills in the application form: names, phones, addresses, dates, choices', () => {
    expect(isFreeText({ type: 'string', title: '经营场所地址', maxLength: 200 }, false)).toBe(false);
    expect(isFreeText({ type: 'string', title: '法定代表人' }, false)).toBe(false);
    expect(isFreeText({ type: 'string', title: '联系电话', pattern: '^1[3-9]\\d{9}$', maxLength: 500 }, false)).toBe(false);
    expect(isFreeText({ type: 'string', format: 'email', maxLength: 320 }, false)).toBe(false);
    expect(isFreeText({ type: 'string', enum: ['甲', '乙'], maxLength: 500 }, false)).toBe(false);
    expect(isFreeText({ type: 'integer', maximum: 100000 }, true)).toBe(false);
  });
});
