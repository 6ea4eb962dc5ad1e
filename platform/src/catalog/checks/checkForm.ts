import { asObject, formPropertyNames, schemaCompileIssues, type FieldIssue, type JsonObject } from '@matterflow/schemas';

export interface FormCheck {
  issues: FieldIssue[];
  /** Top-level field names of a usable form; undefined when there is none to check conditions against. */
  formProperties: Set<string> | undefined;
}

/** The intake form must exist, compile, and describe an object (the application's form data). */
export function checkForm(document: JsonObject): FormCheck {
  const form = asObject(document.form);
  if (!form)
    return { issues: [{ pointer: '/form', code: 'publish.form_missing', message: '缺少申请表单' }], formProperties: undefined };
  const schema = asObject(form.schema);
  if (!schema)
    return {
      issues: [{ pointer: '/form/schema', code: 'publish.form_missing', message: '申请表单缺少 JSON Schema' }],
      formProperties: undefined,
    };

  const issues: FieldIssue[] = schemaCompileIssues({ schema, pointer: '/form/schema' }).map((issue) => ({
    pointer: issue.pointer,
    code: 'publish.form_invalid',
    message: `申请表单不是有效的 JSON Schema：${issue.message}`,
  }));
  if (schema.type !== 'object') {
    issues.push({
      pointer: '/form/schema/type',
      code: 'publish.form_invalid',
      message: '申请表单的根节点应为对象（type: "object"）',
    });
  }
  return { issues, formProperties: issues.length === 0 ? formPropertyNames(schema) : undefined };
}
