import { describeCondition, describeSituation, type Situation, type SituationDocument } from '@matterflow/schemas';
import { Alert, Button, Select, Typography } from 'antd';
import type { JsonObject } from '../editor/SectionProps';
import { conditionChoices, formOf, type ConditionChoice } from './conditionChoices';
import { clausesOf, conditionOf, OPERATOR_LABELS, type Clause, type ClauseOperator } from './conditionClauses';

export interface ConditionPickerProps {
  /** The whole matter document: the form's fields and the guide questions to pick answers from. */
  document: JsonObject;
  /** Over the form data (`condition`) or over the guide answers (`when`). */
  over: 'form' | 'guide';
  value: JsonObject | undefined;
  onChange: (next: JsonObject | undefined) => void;
  id: string;
  label: string;
  isReadOnly?: boolean;
}

/** The words the guide prints for this condition, so the clerk reads what applicants will read. */
function conditionWords(document: JsonObject, over: 'form' | 'guide', value: JsonObject | undefined): string {
  if (value === undefined) return '无条件，始终适用';
  if (over === 'form') return describeCondition(value, formOf(document)?.schema);
  const situation = { id: 'picked', name: '所选条件', when: value } as Situation;
  return describeSituation(situation, document as SituationDocument);
}

/** A new clause on this field with the first sensible pick, so every clause shown is complete. */
function firstClause(choice: ConditionChoice): Clause {
  const operator = choice.operators[0] ?? 'filled';
  const first = choice.options[0];
  return { field: choice.name, operator, values: (operator === 'equals' || operator === 'oneOf') && first ? [first.value] : [] };
}

/** A form may have dozens of fields: typing part of a title finds one. */
const SEARCH_BY_LABEL = { optionFilterProp: 'label' };

/** Option keys as text: values may be any JSON, antd's Select wants strings. */
const keyOf = (value: unknown) => JSON.stringify(value);

interface ClauseRowProps {
  clause: Clause;
  index: number;
  choice: ConditionChoice | undefined;
  choices: ConditionChoice[];
  label: string;
  isReadOnly: boolean;
  onChange: (next: Clause) => void;
  onRemove: () => void;
}

function ClauseRow({ clause, index, choice, choices, label, isReadOnly, onChange, onRemove }: ClauseRowProps) {
  const name = `${label}第 ${index + 1} 条`;
  const operators = choice?.operators ?? [clause.operator];
  const options = (choice?.options ?? clause.values.map((value) => ({ value, label: String(value) }))).map((option) => ({
    value: keyOf(option.value),
    label: option.label,
  }));
  const setOperator = (operator: ClauseOperator) => {
    const keeps = operator === 'equals' || operator === 'oneOf';
    const first = choice?.options[0]?.value;
    const values = keeps
      ? clause.values.length > 0
        ? clause.values.slice(0, operator === 'equals' ? 1 : undefined)
        : [first]
      : [];
    onChange({ ...clause, operator, values });
  };
  const fromKeys = (keys: string[]) => keys.map((key) => JSON.parse(key) as unknown);
  return (
    <div className="designer-clause">
      {index > 0 && <span className="designer-clause-and">并且</span>}
      <Select
        aria-label={`${name}：字段`}
        className="designer-clause-field"
        showSearch={SEARCH_BY_LABEL}
        disabled={isReadOnly}
        value={clause.field}
        options={[
          ...choices.map((c) => ({ value: c.name, label: c.title })),
          ...(choice ? [] : [{ value: clause.field, label: `${clause.field}（不存在）` }]),
        ]}
        onChange={(field: string) => {
          const next = choices.find((c) => c.name === field);
          if (next) onChange(firstClause(next));
        }}
      />
      <Select
        aria-label={`${name}：比较`}
        className="designer-clause-operator"
        disabled={isReadOnly}
        value={clause.operator}
        options={operators.map((operator) => ({ value: operator, label: OPERATOR_LABELS[operator] }))}
        onChange={setOperator}
      />
      {clause.operator === 'equals' && (
        <Select
          aria-label={`${name}：取值`}
          className="designer-clause-values"
          disabled={isReadOnly}
          value={keyOf(clause.values[0])}
          options={options}
          onChange={(key: string) => onChange({ ...clause, values: fromKeys([key]) })}
        />
      )}
      {clause.operator === 'oneOf' && (
        <Select
          aria-label={`${name}：取值`}
          className="designer-clause-values"
          mode="multiple"
          disabled={isReadOnly}
          value={clause.values.map(keyOf)}
          options={options}
          // At least one value: an empty list would never be met.
          onChange={(keys: string[]) => keys.length > 0 && onChange({ ...clause, values: fromKeys(keys) })}
        />
      )}
      {!choice && <Typography.Text className="designer-stale">{`“${clause.field}”已不存在`}</Typography.Text>}
      {!isReadOnly && (
        <Button aria-label={`删除${name}`} onClick={onRemove}>
          删除
        </Button>
      )}
    </div>
  );
}

/**
 * A condition set by picking answers, no JSON: clauses of field, comparison and values, all of
 * which must hold (并且), shown in the guide's own words. A condition it cannot show (或, 非,
 * ranges) is said in words, left as it is and edited in the JSON view.
 */
export function ConditionPicker({ document, over, value, onChange, id, label, isReadOnly = false }: ConditionPickerProps) {
  const choices = conditionChoices(document, over);
  const clauses = clausesOf(value);
  const words = conditionWords(document, over, value);
  const put = (next: Clause[]) => onChange(conditionOf(next));
  return (
    <div className="designer-condition" role="group" aria-label={label} id={id}>
      <Typography.Paragraph className="designer-condition-words">
        <Typography.Text strong>适用条件：</Typography.Text>
        {words}
      </Typography.Paragraph>
      {clauses === undefined ? (
        <Alert type="info" showIcon title="此条件无法用选择的方式表示，已原样保留。请在 JSON 视图中编辑。" />
      ) : (
        <>
          {clauses.map((clause, index) => (
            <ClauseRow
              key={index}
              clause={clause}
              index={index}
              choice={choices.find((c) => c.name === clause.field)}
              choices={choices}
              label={label}
              isReadOnly={isReadOnly}
              onChange={(next) => put(clauses.map((c, i) => (i === index ? next : c)))}
              onRemove={() => put(clauses.filter((_, i) => i !== index))}
            />
          ))}
          {!isReadOnly &&
            (choices.length > 0 ? (
              <Select
                aria-label={`${label}：添加条件`}
                className="designer-clause-add"
                showSearch={SEARCH_BY_LABEL}
                placeholder={clauses.length > 0 ? '并且…（选择字段）' : '添加条件（选择字段）'}
                value={null}
                options={choices.map((c) => ({ value: c.name, label: c.title }))}
                onChange={(name: string) => {
                  const choice = choices.find((c) => c.name === name);
                  if (choice) put([...clauses, firstClause(choice)]);
                }}
              />
            ) : (
              <Typography.Text>{over === 'form' ? '表单中还没有字段。' : '还没有情形引导问题。'}</Typography.Text>
            ))}
        </>
      )}
    </div>
  );
}
