// The flow graph is shared with the staff app's flow editor: one rule in @matterflow/schemas.
export { flowEdges, type FlowEdge } from '@matterflow/schemas';
