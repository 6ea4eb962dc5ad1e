import { getTemplate, type WidgetProps } from '@rjsf/utils';

/** Long texts of the meta-schema (受理条件, 填报须知 … up to thousands of characters) get a text area. */
export function TextWidget(props: WidgetProps) {
  const { registry, options, schema } = props;
  const Textarea = registry.widgets.TextareaWidget;
  if (Textarea && typeof schema.maxLength === 'number' && schema.maxLength > 200)
    return <Textarea {...props} options={{ rows: 3, ...options }} />;
  const BaseInput = getTemplate('BaseInputTemplate', registry, options);
  return <BaseInput {...props} />;
}
