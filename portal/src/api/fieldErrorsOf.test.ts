import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './fieldErrorsOf';
import { ApiError } from './getJson';

describe('fieldErrorsOf', () => {
  it('puts each issue at its field by pointer, the first message winning', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', '请求内容不符合要求', [
      { pointer: '/idNumber', code: 'citizen.id_number_check_digit', message: '身份证号校验位不正确' },
      { pointer: '/idNumber', code: 'schema.maxLength', message: '过长' },
      { pointer: '/phone', code: 'citizen.phone', message: '请填写 11 位手机号码' },
    ]);
    expect(fieldErrorsOf(error, ['idNumber', 'phone'])).toEqual({
      fields: { idNumber: '身份证号校验位不正确', phone: '请填写 11 位手机号码' },
    });
  });

  it('gives the form the messages no field can show, and errors without issues', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', '请求内容不符合要求', [
      { pointer: '', code: 'schema.additionalProperties', message: '不允许的属性' },
    ]);
    expect(fieldErrorsOf(error, ['name'])).toEqual({ fields: {}, form: '不允许的属性' });
    expect(fieldErrorsOf(new ApiError(401, 'LOGIN_FAILED', '用户名或密码错误'), ['name'])).toEqual({
      fields: {},
      form: '用户名或密码错误',
    });
    expect(fieldErrorsOf(new Error('boom'), ['name']).form).toBe('提交失败，请稍后重试');
  });
});
