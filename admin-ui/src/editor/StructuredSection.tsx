import { Form } from '@rjsf/antd';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { memo, useEffect, useMemo } from 'react';
import type { EditorSection } from './editorSections';
import { errorSchemaOf, parsePointer, rjsfIdOf } from './pointers';
import { sectionData, sectionSchema, withSectionData } from './rjsfSchema';
import type { SectionProps } from './SectionProps';
import { SECTION_UI_SCHEMA } from './sectionUiSchema';
import { serverValidator } from './serverValidator';
import { TextWidget } from './TextWidget';

const widgets = { TextWidget };

/** The field at a pointer, or the nearest enclosing one rjsf rendered (a list item, an object). */
export function focusField(pointer: string): boolean {
  const tokens = parsePointer(pointer);
  for (let length = tokens.length; length > 0; length -= 1) {
    const id = rjsfIdOf(`/${tokens.slice(0, length).join('/')}`);
    const element = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${CSS.escape(`${id}_`)}"]`);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}

/**
 * One tab of the structured view: rjsf over the section's part of the meta-schema, with the
 * field issues shown under their fields (`extraErrors`). Only the open tab is rendered, so a large
 * matter does not re-render every field per keystroke.
 */
export const StructuredSection = memo(function StructuredSection({
  section,
  document,
  onChange,
  issues,
  isReadOnly,
  focusPointer,
}: SectionProps & { section: EditorSection }) {
  const schema = sectionSchema(section) as RJSFSchema;
  const formData = useMemo(() => sectionData(section, document), [section, document]);
  // The same nesting rjsf uses (`__errors` under each field), typed without rjsf in the pure helper.
  const extraErrors = useMemo(() => errorSchemaOf(issues) as unknown as ErrorSchema, [issues]);
  const formContext = useMemo(() => ({ document }), [document]);
  useEffect(() => {
    if (focusPointer !== undefined) focusField(focusPointer);
  }, [focusPointer]);
  return (
    <Form
      schema={schema}
      uiSchema={SECTION_UI_SCHEMA}
      formData={formData}
      validator={serverValidator}
      widgets={widgets}
      formContext={formContext}
      extraErrors={extraErrors}
      showErrorList={false}
      noHtml5Validate
      readonly={isReadOnly}
      experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipEmptyDefaults', arrayMinItems: { populate: 'never' } }}
      onChange={(event) => onChange(withSectionData(section, document, (event.formData ?? {}) as Record<string, unknown>))}
    />
  );
});
