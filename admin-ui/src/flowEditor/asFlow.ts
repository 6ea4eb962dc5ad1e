import { asArray, asObject, asString, type Flow } from '@matterflow/schemas';

const isNext = (next: unknown): boolean => {
  if (typeof next === 'string') return true;
  const cases = asObject(next);
  return (
    typeof cases?.otherwise === 'string' && (asArray(cases.cases)?.every((c) => typeof asObject(c)?.to === 'string') ?? false)
  );
};

const isStep = (step: unknown): boolean => {
  const s = asObject(step);
  return (
    typeof s?.id === 'string' && typeof s.name === 'string' && typeof s.role === 'string' && typeof s.budgetDays === 'number'
  );
};

/**
 * The document's flow when it has the shape the graph can draw (a draft may hold anything): every
 * node a task or a parallel block of branches of steps, each with its `next`. Finer rules (id
 * patterns, counts) are left to the checks, which point at the node.
 */
export function asFlow(value: unknown): Flow | undefined {
  const flow = asObject(value);
  const nodes = asArray(flow?.nodes);
  if (!flow || asString(flow.start) === undefined || !nodes || nodes.length === 0) return undefined;
  const isDrawable = nodes.every((raw) => {
    const node = asObject(raw);
    if (!node || !isNext(node.next)) return false;
    if (node.kind === 'task') return isStep(node);
    if (node.kind !== 'parallel' || typeof node.id !== 'string' || typeof node.name !== 'string') return false;
    return (
      asArray(node.branches)?.every((b) => {
        const branch = asObject(b);
        return typeof branch?.id === 'string' && (asArray(branch.steps)?.every(isStep) ?? false);
      }) ?? false
    );
  });
  return isDrawable ? (flow as unknown as Flow) : undefined;
}

/** A flow to start from when the matter has none: 受理 → 审查 → 决定. */
export function starterFlow(): Flow {
  const task = (id: string, name: string, role: 'window' | 'reviewer' | 'chief', next: string) =>
    ({ id, kind: 'task', name, role, department: '$owner', budgetDays: 1, next }) as const;
  return {
    start: 'accept',
    nodes: [
      task('accept', '窗口受理', 'window', 'review'),
      task('review', '审查', 'reviewer', 'decide'),
      task('decide', '决定', 'chief', 'end'),
    ],
  };
}
