import { describe, expect, it } from 'vitest';
import { namePinyin } from '../store/namePinyin';
import { pinyinPieces, searchTerms } from './searchMatters';

describe('searchTerms', () => {
  it('cuts a Chinese run of four or more characters into two-character words', () => {
    expect(searchTerms('食品许可')).toEqual(['食品', '许可']);
    expect(searchTerms('食品经营许可')).toEqual(['食品', '经营', '许可']);
    // A trailing single character joins the last word rather than matching almost anything.
    expect(searchTerms('网吧设立审')).toEqual(['网吧', '设立审']);
  });

  it('keeps short words whole and splits at spaces and Chinese punctuation', () => {
    expect(searchTerms('身份证')).toEqual(['身份证']);
    expect(searchTerms(' 食品  经营，许可 ')).toEqual(['食品', '经营', '许可']);
    expect(searchTerms('11439901')).toEqual(['11439901']);
  });

  it('searches punctuation alone as typed, not as everything', () => {
    expect(searchTerms('\\')).toEqual(['\\']);
    expect(searchTerms('%')).toEqual(['%']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('drops repeated terms and caps their number', () => {
    expect(searchTerms('食品 食品')).toEqual(['食品']);
    expect(searchTerms('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥')).toHaveLength(10);
  });
});

describe('pinyin', () => {
  it('writes initials and full pinyin of a name, Latin letters and digits only', () => {
    expect(namePinyin('食品经营许可')).toEqual({ initials: 'spjyxk', full: 'shipinjingyingxuke' });
    expect(namePinyin('公共场所卫生许可（新办）')).toEqual({
      initials: 'ggcswsxkxb',
      full: 'gonggongchangsuoweishengxukexinban',
    });
    // Polyphonic characters read in context: 重庆 is chong, not zhong.
    expect(namePinyin('重庆A级').initials).toBe('cqaj');
    expect(namePinyin('道路旅客运输').full).toBe('daolulvkeyunshu');
  });

  it('cuts a Latin word of four or more letters into pairs, as Chinese; other terms are not pinyin', () => {
    expect(pinyinPieces('spxk')).toEqual(['sp', 'xk']);
    expect(pinyinPieces('SPJYXK')).toEqual(['sp', 'jy', 'xk']);
    expect(pinyinPieces('spjyx')).toEqual(['sp', 'jyx']);
    expect(pinyinPieces('sp')).toEqual(['sp']);
    expect(pinyinPieces('11439901')).toBeUndefined();
    expect(pinyinPieces('食品')).toBeUndefined();
  });
});
