// The editor's live total and the publish check add budgets the same way: one rule in @matterflow/schemas.
export { longestPath, nodeBudgetDays, type WeightedPath } from '@matterflow/schemas';
