import type { UiSchema } from '@rjsf/utils';

type Schema = Record<string, unknown>;
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Up to this many choices show as radio buttons: one tap each on a phone, every option visible. */
const RADIO_LIMIT = 4;

/**
 * The published uiSchema with the portal's defaults where the matter sets none: a short list of
 * choices as radio buttons, a longer one as a select that says 请选择, a list to tick as check boxes.
 * The matter's own settings win.
 */
export function prepareUiSchema(schema: unknown, uiSchema: UiSchema = {}): UiSchema {
  const visit = (node: unknown, ui: UiSchema): UiSchema => {
    if (!isSchema(node)) return ui;
    const out: UiSchema = { ...ui };
    if (Array.isArray(node.enum) && out['ui:widget'] === undefined) {
      if (node.enum.length <= RADIO_LIMIT) out['ui:widget'] = 'radio';
      else out['ui:placeholder'] ??= '请选择';
    }
    if (isSchema(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) {
        out[name] = visit(child, isSchema(ui[name]) ? (ui[name] as UiSchema) : {});
      }
    }
    const isMultipleChoice = node.type === 'array' && isSchema(node.items) && Array.isArray(node.items.enum);
    // A list of choices to tick: check boxes, not a multiple select (unusable on a phone).
    if (isMultipleChoice) out['ui:widget'] ??= 'checkboxes';
    else if (isSchema(node.items)) out.items = visit(node.items, isSchema(ui.items) ? (ui.items as UiSchema) : {});
    return out;
  };
  return visit(schema, uiSchema);
}
