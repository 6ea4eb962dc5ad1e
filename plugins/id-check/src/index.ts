import { definePlugin } from '@matterflow/plugin-sdk';
import type { Form } from '../forms';
import { isValidCreditCode, isValidIdNumber } from './checkDigits';

/** Which form fields hold a number to check, and the label the applicant sees. */
export interface Options {
  fields: { field: string; label: string; kind: 'idNumber' | 'creditCode' }[];
}

export const plugin = definePlugin<Form, Options>({
  hooks: {
    validate(input, ctx) {
      const form = input.form as Record<string, unknown>;
      const issues = [];
      for (const { field, label, kind } of ctx.options.fields) {
        const value = form[field];
        // Empty fields are the form's own business (required or not); only a number given is checked.
        if (typeof value !== 'string' || value.trim() === '') continue;
        const valid = kind === 'idNumber' ? isValidIdNumber(value) : isValidCreditCode(value);
        if (!valid)
          issues.push({
            pointer: `/formData/${field}`,
            code: kind === 'idNumber' ? 'id_check.id_number' : 'id_check.credit_code',
            message: `“${label}”的校验码不正确，请核对后重新填写`,
          });
      }
      return { issues };
    },
  },
});
