import { describe, expect, it } from 'vitest';
import { importErrorsOf, importMediaType, XLSX_TYPE } from './importTypes';

describe('import helpers', () => {
  it('takes the body type from the file name', () => {
    expect(importMediaType('目录.JSON')).toBe('application/json');
    expect(importMediaType('事项目录.xlsx')).toBe(XLSX_TYPE);
    expect(importMediaType('目录.xls')).toBeUndefined();
  });

  it('reads the errors of a refused file and their total', () => {
    const errors = [{ row: 2, pointer: '/code', code: 'code.malformed', message: '实施编码格式不正确' }];
    expect(importErrorsOf({ errors, total: 900 })).toEqual({ errors, total: 900 });
    expect(importErrorsOf(null)).toEqual({ errors: [], total: 0 });
  });
});
