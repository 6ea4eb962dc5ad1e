import type { RJSFSchema } from '@rjsf/utils';

/** Room for more text than this, in one line, is free text: no name, phone or address needs it. */
const FREE_TEXT_OVER = 200;

/**
 * Whether a text field is free text (a textarea, or a line with room for more than 200
 * characters and no format, pattern or list of choices): nothing the browser's autofill fills.
 */
export function isFreeText(schema: RJSFSchema, isTextarea: boolean): boolean {
  if (schema.type !== 'string' || schema.enum || schema.format || schema.pattern) return false;
  return isTextarea || (typeof schema.maxLength === 'number' && schema.maxLength > FREE_TEXT_OVER);
}
