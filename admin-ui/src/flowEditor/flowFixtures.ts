import type { Flow, Node } from '@matterflow/schemas';

/** Flows the unit tests edit and lay out. */
export const task = (id: string, budgetDays: number, next: Node['next']): Node => ({
  id,
  kind: 'task',
  name: id,
  role: 'reviewer',
  department: '$owner',
  budgetDays,
  next,
});

/** 受理 → 并联审查（两支）→ 决定, as the seed 道路旅客运输经营许可 has it. */
export const parallelFlow = (): Flow => ({
  start: 'accept',
  nodes: [
    task('accept', 1, 'review'),
    {
      id: 'review',
      kind: 'parallel',
      name: '并联审查',
      lead: '$owner',
      completion: 'any',
      branches: [
        { id: 'b1', name: '甲', department: '$owner', steps: [{ id: 's1', name: 's1', role: 'reviewer', budgetDays: 3 }] },
        {
          id: 'b2',
          name: '乙',
          department: '$owner',
          steps: [
            { id: 's2', name: 's2', role: 'reviewer', budgetDays: 2 },
            { id: 's3', name: 's3', role: 'reviewer', budgetDays: 2 },
          ],
        },
      ],
      next: 'decide',
    },
    task('decide', 1, 'end'),
  ],
});

export const chain = (...ids: string[]): Flow => ({
  start: ids[0]!,
  nodes: ids.map((id, k) => task(id, 1, ids[k + 1] ?? 'end')),
});
