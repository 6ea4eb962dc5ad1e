import type { FieldProps } from '@rjsf/utils';
import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';

const textOf = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value, null, 2));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value a text stands for, as JSON; null for an empty text or one that does not parse. */
function meaningOf(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * The errors at this field and inside it (the server may point into the object, as
 * `/plugins/0/options/copies`), the inner ones prefixed by their path.
 */
function nestedErrors(errorSchema: unknown, path: readonly string[] = []): string[] {
  if (typeof errorSchema !== 'object' || errorSchema === null) return [];
  return Object.entries(errorSchema as Record<string, unknown>).flatMap(([key, value]) =>
    key === '__errors'
      ? (Array.isArray(value) ? value : []).map((message) =>
          path.length > 0 ? `${path.join('.')}：${String(message)}` : String(message),
        )
      : nestedErrors(value, [...path, key]),
  );
}

/**
 * rjsf field for a JSON object whose shape another document declares (a plugin pin's options,
 * described by the plugin's manifest, which the meta-schema cannot know): edited as JSON text. A
 * text that parses to an object is kept, an empty one clears the value, anything else stays on
 * screen with its problem and is not passed on. The field template shows the description. rjsf's
 * own object field cannot show such a value (it asks for an `items` definition for every array).
 */
export function JsonObjectField({ formData, onChange, fieldPathId, schema, readonly, disabled, name, errorSchema }: FieldProps) {
  const [text, setText] = useState(() => textOf(formData));
  const [problem, setProblem] = useState<string | null>(null);
  // The JSON view or a conflict may change the value underneath: show it, unless the text already means it.
  useEffect(() => {
    setText((current) => (meaningOf(current) === (JSON.stringify(formData) ?? null) ? current : textOf(formData)));
  }, [formData]);
  const id = fieldPathId.$id;
  const serverErrors = nestedErrors(errorSchema);
  const messages = [...(problem ? [problem] : []), ...serverErrors];
  const change = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setProblem(null);
      onChange(undefined, fieldPathId.path);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch {
      setProblem('不是有效的 JSON：请检查引号、逗号和括号');
      return;
    }
    if (!isObject(parsed)) {
      setProblem('应为 JSON 对象，以 { 开头、} 结尾');
      return;
    }
    setProblem(null);
    onChange(parsed, fieldPathId.path);
  };
  return (
    <div className="mf-json-field">
      <label htmlFor={id}>{schema.title ?? name}</label>
      <Input.TextArea
        id={id}
        value={text}
        onChange={(event) => change(event.target.value)}
        autoSize={{ minRows: 3, maxRows: 16 }}
        readOnly={Boolean(readonly || disabled)}
        spellCheck={false}
        status={messages.length > 0 ? 'error' : undefined}
        aria-invalid={messages.length > 0}
        aria-describedby={`${id}__help`}
        placeholder='如 {"fields": [{"field": "uscc", "label": "统一社会信用代码", "kind": "creditCode"}]}'
        style={{ fontFamily: 'monospace' }}
      />
      <div id={`${id}__help`}>
        {messages.map((message) => (
          <Typography.Text key={message} type="danger" style={{ display: 'block' }}>
            {message}
          </Typography.Text>
        ))}
      </div>
    </div>
  );
}
