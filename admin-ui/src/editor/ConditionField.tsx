import type { FieldProps } from '@rjsf/utils';
import { ConditionPicker } from '../designer';
import type { JsonObject } from './SectionProps';

/** What rjsf hands every field of the editor: the whole document, for pickers that list its fields. */
export interface EditorFormContext {
  document: JsonObject;
}

/** rjsf field for a `condition` (over the form data) or a situation's `when` (over the guide answers). */
export function ConditionField(props: FieldProps) {
  const { formData, onChange, fieldPathId, schema, readonly, disabled, registry, uiSchema } = props;
  const over = (uiSchema?.['ui:options'] as { over?: 'form' | 'guide' } | undefined)?.over ?? 'form';
  return (
    <ConditionPicker
      document={(registry.formContext as EditorFormContext).document}
      over={over}
      value={formData as JsonObject | undefined}
      onChange={(next) => onChange(next, fieldPathId.path)}
      id={fieldPathId.$id}
      label={schema.title ?? props.name}
      isReadOnly={Boolean(readonly || disabled)}
    />
  );
}
