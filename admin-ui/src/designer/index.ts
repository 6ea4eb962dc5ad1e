export { FormSection } from './FormSection';
export { ConditionPicker, type ConditionPickerProps } from './ConditionPicker';
