import { Typography } from 'antd';
import type { JsonObject } from '../editor/SectionProps';
import { ConditionPicker } from './ConditionPicker';
import { isJsonObject } from './isJsonObject';

/** The list's item with its `condition` set, or removed when there is none. */
function withCondition(list: unknown[], index: number, condition: JsonObject | undefined): unknown[] {
  return list.map((item, i) => {
    if (i !== index || !isJsonObject(item)) return item;
    const { condition: _old, ...rest } = item;
    return condition ? { ...item, condition } : rest;
  });
}

/**
 * Materials and 办理情形 that depend on the form's answers, beside the fields they depend on: the
 * designer adds a field and makes a material conditional on it in one place, then previews both.
 * The same pickers sit in the editor's 材料 and 情形 sections.
 */
export function ConditionsPanel({
  document,
  isReadOnly,
  onChange,
}: {
  document: JsonObject;
  isReadOnly: boolean;
  onChange: (next: JsonObject) => void;
}) {
  const lists = [
    { key: 'materials', heading: '材料的适用条件', noun: '材料' },
    { key: 'situations', heading: '办理情形的表单条件', noun: '情形' },
  ] as const;
  return (
    <section className="designer-conditions" aria-label="按表单回答设置条件">
      {lists.map(({ key, heading, noun }) => {
        const list = Array.isArray(document[key]) ? (document[key] as unknown[]) : [];
        return (
          <div key={key}>
            <Typography.Title level={3} className="designer-subheading">
              {heading}
            </Typography.Title>
            {list.length === 0 && <Typography.Paragraph>{`还没有${noun}。`}</Typography.Paragraph>}
            <ul className="designer-condition-list">
              {list.map((item, index) => {
                if (!isJsonObject(item)) return null;
                const name = typeof item.name === 'string' ? item.name : String(item.id ?? index + 1);
                return (
                  <li key={String(item.id ?? index)} className="designer-condition-item">
                    <Typography.Text strong>{name}</Typography.Text>
                    <ConditionPicker
                      id={`designer-${key}-${index}-condition`}
                      label={`${noun}“${name}”的条件`}
                      document={document}
                      over="form"
                      value={isJsonObject(item.condition) ? item.condition : undefined}
                      isReadOnly={isReadOnly}
                      onChange={(condition) => onChange({ ...document, [key]: withCondition(list, index, condition) })}
                    />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
