import type { JsonObject } from '../editor/SectionProps';
import type { ClauseOperator } from './conditionClauses';
import { optionsOf } from './fieldKinds';
import { fieldsOf, type MatterForm } from './formFields';
import { isJsonObject } from './isJsonObject';

/** A field (or guide question) a clause can compare, with the values a clerk may pick for it. */
export interface ConditionChoice {
  name: string;
  title: string;
  operators: ClauseOperator[];
  options: { value: unknown; label: string }[];
}

export function formOf(document: JsonObject): MatterForm | undefined {
  const form = document.form;
  return isJsonObject(form) && isJsonObject(form.schema) ? (form as unknown as MatterForm) : undefined;
}

function formChoices(document: JsonObject): ConditionChoice[] {
  const form = formOf(document);
  if (!form) return [];
  return fieldsOf(form).map((field) => {
    const title = typeof field.schema.title === 'string' ? field.schema.title : field.name;
    const options = (optionsOf(field.schema) ?? []).map((value) => ({ value, label: String(value) }));
    // A list of ticks holds an array: 等于 one string never matches it, so only 已填写 is offered.
    const operators: ClauseOperator[] =
      field.kind === 'boolean'
        ? ['isTrue', 'isFalse', 'filled']
        : options.length > 0 && field.kind !== 'checkboxes'
          ? ['equals', 'oneOf', 'filled']
          : ['filled'];
    return { name: field.name, title, operators, options: field.kind === 'checkboxes' ? [] : options };
  });
}

function guideChoices(document: JsonObject): ConditionChoice[] {
  const questions = Array.isArray(document.guideQuestions) ? document.guideQuestions.filter(isJsonObject) : [];
  return questions.map((question) => {
    const options = (Array.isArray(question.options) ? question.options.filter(isJsonObject) : []).map((option) => ({
      value: option.value,
      label: typeof option.title === 'string' ? option.title : String(option.value),
    }));
    const name = String(question.id);
    return { name, title: typeof question.title === 'string' ? question.title : name, operators: ['equals', 'oneOf'], options };
  });
}

/** What a condition over the form data (`form`) or over the guide's answers (`guide`) can compare. */
export function conditionChoices(document: JsonObject, over: 'form' | 'guide'): ConditionChoice[] {
  return over === 'form' ? formChoices(document) : guideChoices(document);
}
