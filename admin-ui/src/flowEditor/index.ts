export { FlowSection } from './FlowSection';
