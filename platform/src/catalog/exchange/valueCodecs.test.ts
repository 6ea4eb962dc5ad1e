import { describe, expect, it } from 'vitest';
import { decodeEnumList } from './valueCodecs';

const levels = [
  { code: '3', name: '市级' },
  { code: '4', name: '县级' },
  { code: '5', name: '镇（乡、街道）级' },
];

describe('decodeEnumList', () => {
  it('keeps a name that contains the list separator whole', () => {
    expect(decodeEnumList('县级、镇（乡、街道）级', levels, '行使层级')).toEqual({ ok: true, value: ['4', '5'] });
    expect(decodeEnumList('镇（乡、街道）级，市级', levels, '行使层级')).toEqual({ ok: true, value: ['5', '3'] });
  });

  it('accepts codes and mixed separators, and reports unknown items', () => {
    expect(decodeEnumList('3, 4；5', levels, '行使层级')).toEqual({ ok: true, value: ['3', '4', '5'] });
    const bad = decodeEnumList('县级、省里', levels, '行使层级');
    expect(bad.ok).toBe(false);
  });
});
