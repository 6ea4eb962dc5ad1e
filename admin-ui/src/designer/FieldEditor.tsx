import type { ApiIssue } from '@matterflow/schemas';
import { Alert, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import type { JsonObject } from '../editor/SectionProps';
import { FIELD_KINDS, optionsOf, withOptions, type FieldKind } from './fieldKinds';
import { changeKind, nameProblem, putField, type DesignedField, type MatterForm } from './formFields';

type EditableKind = Exclude<FieldKind, 'advanced'>;

const TEXT_KINDS: FieldKind[] = ['text', 'textarea'];
const NUMBER_KINDS: FieldKind[] = ['number', 'integer'];
const HAS_PLACEHOLDER: FieldKind[] = ['text', 'textarea', 'number', 'integer', 'date', 'select', 'idNumber', 'phone', 'uscc'];

/** The schema with a keyword set, or removed when the value is empty. */
function setKey(object: JsonObject, key: string, value: unknown): JsonObject {
  const { [key]: _old, ...rest } = object;
  const isEmpty = value === undefined || value === null || value === '';
  return isEmpty ? rest : Object.hasOwn(object, key) ? { ...object, [key]: value } : { ...rest, [key]: value };
}

function patternProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || pattern === '') return undefined;
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch {
    return '不是有效的正则表达式';
  }
}

/** Options one a line: kept as typed, so a line being written is not lost while typing. */
function OptionsInput({
  field,
  isReadOnly,
  onChange,
}: {
  field: DesignedField;
  isReadOnly: boolean;
  onChange: (next: DesignedField) => void;
}) {
  const [text, setText] = useState(() => (optionsOf(field.schema) ?? []).map(String).join('\n'));
  const options = [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
  return (
    <Form.Item
      label="选项（每行一个）"
      htmlFor={`${field.name}-options`}
      validateStatus={options.length < 2 ? 'error' : undefined}
      help={options.length < 2 ? '至少需要两个选项' : '申请人看到并提交的就是这些文字；条件按选项文字比较。'}
    >
      <Input.TextArea
        id={`${field.name}-options`}
        autoSize={{ minRows: 3, maxRows: 10 }}
        disabled={isReadOnly}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const next = [
            ...new Set(
              event.target.value
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            ),
          ];
          if (next.length > 0) onChange({ ...field, schema: withOptions(field.schema, next) });
        }}
      />
    </Form.Item>
  );
}

/** 标识: written back once it is a free identifier, so renaming never leaves a half-typed key in the form. */
function NameInput({
  form,
  field,
  usages,
  isReadOnly,
  onRename,
}: {
  form: MatterForm;
  field: DesignedField;
  usages: string[];
  isReadOnly: boolean;
  onRename: (name: string) => void;
}) {
  const [name, setName] = useState(field.name);
  const problem = nameProblem(form, field.name, name);
  const warning = usages.length > 0 ? `${usages.join('、')}的条件使用此标识，改名后请同时修改这些条件。` : undefined;
  return (
    <Form.Item
      label="标识"
      htmlFor={`${field.name}-name`}
      validateStatus={problem ? 'error' : warning ? 'warning' : undefined}
      help={problem ?? warning ?? '提交的数据、条件和流程按标识引用此字段。'}
    >
      <Input
        id={`${field.name}-name`}
        disabled={isReadOnly}
        value={name}
        onChange={(event) => setName(event.target.value.trim())}
        onBlur={() => !problem && name !== field.name && onRename(name)}
        onPressEnter={() => !problem && name !== field.name && onRename(name)}
      />
    </Form.Item>
  );
}

/** One field's settings: each change writes the whole form back through `onChange`. */
export function FieldEditor({
  form,
  field,
  usages,
  issues,
  isReadOnly,
  onChange,
}: {
  form: MatterForm;
  field: DesignedField;
  usages: string[];
  issues: ApiIssue[];
  isReadOnly: boolean;
  onChange: (next: MatterForm, name: string) => void;
}) {
  const put = (next: DesignedField) => onChange(putField(form, field.name, next), next.name);
  const setSchema = (key: string, value: unknown) => put({ ...field, schema: setKey(field.schema, key, value) });
  const setUi = (key: string, value: unknown) => put({ ...field, ui: setKey(field.ui, key, value) });
  const text = (key: string, object: JsonObject = field.schema) =>
    typeof object[key] === 'string' ? (object[key] as string) : '';
  const number = (key: string) => (typeof field.schema[key] === 'number' ? (field.schema[key] as number) : null);
  const id = (part: string) => `${field.name}-${part}`;
  return (
    <Form layout="vertical" className="designer-field-editor" disabled={isReadOnly}>
      {issues.map((issue) => (
        <Alert key={`${issue.pointer}-${issue.code}`} type="error" showIcon title={issue.message} className="designer-issue" />
      ))}
      <Form.Item
        label="标题"
        htmlFor={id('title')}
        validateStatus={text('title') ? undefined : 'error'}
        help={text('title') ? undefined : '请填写标题'}
      >
        <Input id={id('title')} value={text('title')} onChange={(event) => setSchema('title', event.target.value)} />
      </Form.Item>
      <NameInput
        key={field.name}
        form={form}
        field={field}
        usages={usages}
        isReadOnly={isReadOnly}
        onRename={(name) => put({ ...field, name })}
      />
      <Form.Item label="类型" htmlFor={id('kind')}>
        <Select
          id={id('kind')}
          value={field.kind as EditableKind}
          options={Object.entries(FIELD_KINDS).map(([kind, { label }]) => ({ value: kind, label }))}
          onChange={(kind: EditableKind) => put(changeKind(field, kind))}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={field.isRequired} onChange={(event) => put({ ...field, isRequired: event.target.checked })}>
          必填
        </Checkbox>
      </Form.Item>
      <Form.Item label="说明" htmlFor={id('description')} help="显示在字段下方，帮助申请人填写。">
        <Input.TextArea
          id={id('description')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={text('description')}
          onChange={(event) => setSchema('description', event.target.value)}
        />
      </Form.Item>
      {HAS_PLACEHOLDER.includes(field.kind) && (
        <Form.Item label="输入提示" htmlFor={id('placeholder')}>
          <Input
            id={id('placeholder')}
            value={text('ui:placeholder', field.ui)}
            onChange={(event) => setUi('ui:placeholder', event.target.value)}
          />
        </Form.Item>
      )}
      {optionsOf(field.schema) && (
        <OptionsInput key={`${field.name}-${field.kind}`} field={field} isReadOnly={isReadOnly} onChange={put} />
      )}
      {NUMBER_KINDS.includes(field.kind) && (
        <Form.Item label="取值范围">
          <InputNumber
            aria-label="最小值"
            placeholder="最小值"
            value={number('minimum')}
            onChange={(v) => setSchema('minimum', v)}
          />
          <span className="designer-range-dash"> 至 </span>
          <InputNumber
            aria-label="最大值"
            placeholder="最大值"
            value={number('maximum')}
            onChange={(v) => setSchema('maximum', v)}
          />
        </Form.Item>
      )}
      {TEXT_KINDS.includes(field.kind) && (
        <>
          <Form.Item label="最多字数" htmlFor={id('maxLength')}>
            <InputNumber
              id={id('maxLength')}
              min={1}
              max={10000}
              value={number('maxLength')}
              onChange={(v) => setSchema('maxLength', v)}
            />
          </Form.Item>
          <Form.Item
            label="格式（正则表达式，可不填）"
            htmlFor={id('pattern')}
            validateStatus={patternProblem(field.schema.pattern) ? 'error' : undefined}
            help={patternProblem(field.schema.pattern)}
          >
            <Input id={id('pattern')} value={text('pattern')} onChange={(event) => setSchema('pattern', event.target.value)} />
          </Form.Item>
          {text('pattern') && (
            <Form.Item label="格式说明" htmlFor={id('hint')} help="格式不符时告诉申请人应当怎样填写，如“应为6位数字”。">
              <Input id={id('hint')} value={text('x-hint')} onChange={(event) => setSchema('x-hint', event.target.value)} />
            </Form.Item>
          )}
        </>
      )}
    </Form>
  );
}
