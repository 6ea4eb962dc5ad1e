import type { JsonObject } from '../editor/SectionProps';

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

/** A condition set by picking answers, no JSON (helper E2 builds it). */
export function ConditionPicker(_props: ConditionPickerProps) {
  return <p>条件设置建设中。</p>;
}
