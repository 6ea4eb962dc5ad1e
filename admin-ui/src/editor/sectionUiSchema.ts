import type { UiSchema } from '@rjsf/utils';
import { ConditionField } from './ConditionField';
import { JsonObjectField } from './JsonObjectField';

const condition = (over: 'form' | 'guide') => ({ 'ui:field': ConditionField, 'ui:options': { over } });

/**
 * How the generated form shows the meta-schema: no submit button (the page saves), the schema
 * version hidden, the code and department fixed once created (the platform refuses changing them),
 * conditions set by picking answers instead of typing JSON Schema, and a plugin pin's options (whose
 * shape only the plugin's manifest knows) as JSON text.
 */
export const SECTION_UI_SCHEMA: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  metaSchemaVersion: { 'ui:widget': 'hidden' },
  code: { 'ui:readonly': true },
  department: { code: { 'ui:readonly': true } },
  materials: { items: { condition: condition('form') } },
  situations: { items: { condition: condition('form'), when: condition('guide') } },
  fees: { items: { items: { condition: condition('form') } } },
  plugins: { items: { options: { 'ui:field': JsonObjectField } } },
};
