export { checkPublishable } from './checkPublishable';
export { exceedsStatutory } from '../rules';
