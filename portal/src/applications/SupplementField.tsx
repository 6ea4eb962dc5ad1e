import type { ProgressItem } from './caseApi';

type FieldItem = Extract<ProgressItem, { kind: 'field' }>;

/** The part of a JSON Schema the 补正 page renders a field from. */
export interface FieldSchema {
  type?: string | string[];
  title?: string;
  enum?: unknown[];
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
}

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** The schema of the field a pointer names in the form's schema. */
export function fieldSchemaAt(schema: FieldSchema | undefined, pointer: string): FieldSchema | undefined {
  let node = schema;
  for (const segment of pointer.split('/').slice(1).map(unescape))
    node = node?.properties?.[segment] ?? (/^\d+$/.test(segment) ? node?.items : undefined);
  return node;
}

const typeOf = (schema: FieldSchema | undefined) => (Array.isArray(schema?.type) ? schema.type[0] : schema?.type);

/** A number typed as text keeps what the applicant typed until it is one. */
function parsed(schema: FieldSchema | undefined, text: string): unknown {
  const type = typeOf(schema);
  if ((type === 'number' || type === 'integer') && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

/** One field the notice asks to correct: its reason and an input of its kind, with the current value. */
export function SupplementField({
  item,
  schema,
  value,
  onChange,
  messages,
}: {
  item: FieldItem;
  schema: FieldSchema | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  messages: string[];
}) {
  const id = `field-${item.pointer.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const describedBy = [`${id}-reason`, ...(messages.length > 0 ? [`${id}-errors`] : [])].join(' ');
  const type = typeOf(schema);
  let input;
  if (type === 'boolean')
    input = (
      <fieldset className="supplement-choices" aria-describedby={describedBy}>
        <legend className="visually-hidden">{item.name}</legend>
        {[
          [true, '是'],
          [false, '否'],
        ].map(([option, label]) => (
          <label key={String(option)} className="supplement-choice">
            <input type="radio" name={id} checked={value === option} onChange={() => onChange(option)} />
            {label as string}
          </label>
        ))}
      </fieldset>
    );
  else if (type === 'array' && schema?.items?.enum) {
    const chosen = Array.isArray(value) ? value : [];
    input = (
      <fieldset className="supplement-choices" aria-describedby={describedBy}>
        <legend className="visually-hidden">{item.name}</legend>
        {schema.items.enum.map((option) => (
          <label key={String(option)} className="supplement-choice">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(event) =>
                onChange(event.target.checked ? [...chosen, option] : chosen.filter((other) => other !== option))
              }
            />
            {String(option)}
          </label>
        ))}
      </fieldset>
    );
  } else if (schema?.enum)
    input = (
      <select
        id={id}
        className="supplement-input"
        value={String(value ?? '')}
        aria-describedby={describedBy}
        onChange={(event) => onChange(schema.enum?.find((option) => String(option) === event.target.value))}
      >
        <option value="">请选择</option>
        {schema.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  else
    input = (
      <input
        id={id}
        className="supplement-input"
        type="text"
        inputMode={type === 'number' || type === 'integer' ? 'decimal' : undefined}
        value={value === undefined || value === null ? '' : String(value)}
        aria-describedby={describedBy}
        onChange={(event) => onChange(parsed(schema, event.target.value))}
      />
    );
  const isGroup = type === 'boolean' || (type === 'array' && schema?.items?.enum);
  return (
    <li className="supplement-item">
      {isGroup ? (
        <h3 className="supplement-item-name">{item.name}</h3>
      ) : (
        <h3 className="supplement-item-name">
          <label htmlFor={id}>{item.name}</label>
        </h3>
      )}
      <p className="supplement-reason" id={`${id}-reason`}>
        <span className="supplement-reason-label">补正原因</span>
        {item.reason}
      </p>
      {input}
      {messages.length > 0 && (
        <div id={`${id}-errors`} role="alert">
          <ul className="field-errors">
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
