export { describeChanges } from './describeChanges';
export { formFieldChanges, type FormField } from './formChanges';
export { limitWords } from './limitWords';
export { materialListChanges, type ListedMaterial } from './materialChanges';
export { CHANGE_SECTIONS, type ChangeSection } from './sections';
export type { ChangeLine } from './Walk';
