import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckCharacter, maskIdNumber, normalizeIdNumber, PHONE_PATTERN } from './checkIdNumber';

const TODAY = '2026-12-02';
/** Computed by hand with the standard's weights; the first is GB 11643-1999's own example. */
const VALID = ['11010519491231002X', '110101199003071233', '440304198506150015', '310115200002290048', '510108199912318888'];

/** A number with the right check character for its first 17 digits. */
function withCheck(first17: string): string {
  return first17 + idNumberCheckCharacter(first17);
}

describe('checkIdNumber', () => {
  it.each(VALID)('accepts %s', (id) => {
    expect(checkIdNumber(id, TODAY)).toBeNull();
  });

  it('accepts a lowercase x and surrounding spaces, as normalizeIdNumber stores them', () => {
    expect(checkIdNumber(' 11010519491231002x ', TODAY)).toBeNull();
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('computes the check character of the standard’s example', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
  });

  it.each([
    ['too short', '1101051949123100'],
    ['too long', '11010519491231002X1'],
    ['a letter inside', '1101051949A231002X'],
    ['X not last', 'X10105194912310021'],
    ['15-digit old number', '110105491231002'],
    ['empty', ''],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
  ])('refuses %s with id_number_format', (_, id) => {
    expect(checkIdNumber(id, TODAY)?.code).toBe('citizen.id_number_format');
  });

  it.each([
    ['unknown province 00', withCheck('00010519491231002')],
    ['unknown province 99', withCheck('99010519491231002')],
    ['a province without its county', withCheck('11000019491231002')],
  ])('refuses %s with id_number_region', (_, id) => {
    expect(checkIdNumber(id, TODAY)?.code).toBe('citizen.id_number_region');
  });

  it.each([
    ['13th month', withCheck('11010519491331002')],
    ['day 00', withCheck('11010519491200002')],
    ['29 February of a common year', withCheck('11010520230229002')],
    ['before 1900', withCheck('11010518991231002')],
    ['tomorrow', withCheck('11010520261203002')],
  ])('refuses %s with id_number_birth_date', (_, id) => {
    expect(checkIdNumber(id, TODAY)?.code).toBe('citizen.id_number_birth_date');
  });

  it('accepts a birth date of today and of 1900-01-01', () => {
    expect(checkIdNumber(withCheck('11010520261202002'), TODAY)).toBeNull();
    expect(checkIdNumber(withCheck('11010519000101002'), TODAY)).toBeNull();
  });

  it('refuses every wrong check character', () => {
    for (const wrong of '0123456789X'.split('').filter((c) => c !== 'X')) {
      expect(checkIdNumber(`11010519491231002${wrong}`, TODAY)?.code).toBe('citizen.id_number_check_digit');
    }
    expect(checkIdNumber('110101199003071234', TODAY)?.code).toBe('citizen.id_number_check_digit');
  });

  it('answers in Chinese', () => {
    expect(checkIdNumber('123', TODAY)?.message).toMatch(/身份证号/);
    expect(checkIdNumber('110101199003071234', TODAY)?.message).toBe('身份证号校验位不正确，请核对后重新输入');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first and last four characters', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
  });

  it('hides short values entirely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});

describe('PHONE_PATTERN', () => {
  it.each(['13800138000', '19912345678', '15000000000'])('accepts %s', (phone) => {
    expect(PHONE_PATTERN.test(phone)).toBe(true);
  });
  it.each(['12800138000', '1380013800', '138001380000', '+8613800138000', '010-12345678', ''])('refuses %s', (phone) => {
    expect(PHONE_PATTERN.test(phone)).toBe(false);
  });
});
