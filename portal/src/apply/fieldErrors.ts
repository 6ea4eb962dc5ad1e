import { toPath, type ErrorSchema, type RJSFValidationError } from '@rjsf/utils';

type Schema = Record<string, unknown>;

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The sub-schema at a data path (property names and array indexes), following `properties` and `items`. */
export function schemaAt(schema: unknown, path: readonly string[]): Schema | undefined {
  let node: unknown = schema;
  for (const segment of path) {
    if (!isSchema(node)) return undefined;
    const properties = node.properties;
    if (isSchema(properties) && isSchema(properties[segment])) node = properties[segment];
    else if (/^\d+$/.test(segment) && isSchema(node.items)) node = node.items;
    else return undefined;
  }
  return isSchema(node) ? node : undefined;
}

const FORMAT_WORDS: Record<string, string> = {
  date: '应为日期（年-月-日）',
  'date-time': '应为日期和时间',
  email: '应为有效的电子邮箱地址',
  uri: '应为完整的网址',
};

/** What the applicant reads beside the field: its title and what to do, never a property name or a pattern. */
function wording(error: RJSFValidationError, title: string, field: Schema | undefined): string {
  const params = (error.params ?? {}) as Record<string, unknown>;
  const limit = String(params.limit ?? '');
  const hint = text(field?.['x-hint']) ?? text(field?.description);
  switch (error.name) {
    case 'required':
      return `请填写“${title}”`;
    case 'minLength':
      return Number(params.limit) <= 1 ? `请填写“${title}”` : `“${title}”至少 ${limit} 个字`;
    case 'maxLength':
      return `“${title}”不能超过 ${limit} 个字`;
    case 'pattern':
      return `“${title}”格式不正确${hint ? `：${hint}` : ''}`;
    case 'minimum':
      return `“${title}”不能小于 ${limit}`;
    case 'maximum':
      return `“${title}”不能大于 ${limit}`;
    case 'exclusiveMinimum':
      return `“${title}”应大于 ${limit}`;
    case 'exclusiveMaximum':
      return `“${title}”应小于 ${limit}`;
    case 'type':
      return String(params.type).includes('integer')
        ? `“${title}”应为整数`
        : String(params.type).includes('number')
          ? `“${title}”应为数字`
          : `“${title}”的填写方式不正确`;
    case 'enum':
      return `请从给出的选项中选择“${title}”`;
    case 'const':
      return `“${title}”的取值不符合要求`;
    case 'format':
      return `“${title}”${FORMAT_WORDS[String(params.format)] ?? '格式不正确'}`;
    case 'minItems':
      return `“${title}”至少需要 ${limit} 项`;
    case 'maxItems':
      return `“${title}”最多 ${limit} 项`;
    default:
      // ajv-i18n has already put the message into Chinese; it only lacks the field's name.
      return `“${title}”${error.message ?? '不符合要求'}`;
  }
}

/**
 * rjsf's `transformErrors`: each message names its field by the schema's `title` (ajv-i18n's
 * Chinese names the property, e.g. “应当有必需属性 uscc”) and says what to do. The message is what
 * rjsf shows next to the field; the stack is what the error summary lists.
 */
export function nameFieldErrors(errors: RJSFValidationError[], schema: unknown): RJSFValidationError[] {
  return errors.map((error) => {
    // rjsf turns Ajv's instance pointer into dots, keeping its escapes (`~1` for a slash).
    const path = toPath(error.property ?? '')
      .filter((segment) => segment !== '')
      .map(unescape);
    const field = schemaAt(schema, path);
    const title = text(field?.title) ?? text(error.title) ?? path.at(-1) ?? '申请表';
    const message = wording(error, title, field);
    return { ...error, message, stack: message };
  });
}

export interface ServerIssue {
  pointer: string;
  code: string;
  message: string;
}

export interface PlacedIssues {
  /** For rjsf's `extraErrors`: each `/formData/…` issue at its field. */
  form: ErrorSchema;
  formCount: number;
  /** `/materials/<id>` issues, by material id. */
  materials: Record<string, string[]>;
  /** Anything else (no field to show it beside). */
  general: string[];
}

/** Places the server's issues (422 APPLICATION_INVALID) where the applicant will see them. */
export function placeIssues(issues: readonly ServerIssue[]): PlacedIssues {
  const placed: PlacedIssues = { form: {}, formCount: 0, materials: {}, general: [] };
  for (const issue of issues) {
    const segments = issue.pointer.split('/').slice(1).map(unescape);
    if (segments[0] === 'formData') {
      let node = placed.form as Record<string, unknown>;
      for (const segment of segments.slice(1)) {
        node[segment] ??= {};
        node = node[segment] as Record<string, unknown>;
      }
      const list = (node.__errors ??= []) as string[];
      list.push(issue.message);
      placed.formCount++;
    } else if (segments[0] === 'materials' && segments[1]) {
      (placed.materials[segments[1]] ??= []).push(issue.message);
    } else {
      placed.general.push(issue.message);
    }
  }
  return placed;
}
