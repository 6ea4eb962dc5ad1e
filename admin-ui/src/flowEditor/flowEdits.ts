import {
  FLOW_END,
  type Branch,
  type Flow,
  type Node,
  type ParallelNode,
  type StepFields,
  type TaskNode,
} from '@matterflow/schemas';
import type { FlowPlace } from './FlowPlace';

/** An edit's answer: the new flow and where the clerk now is, or why the edit cannot be made. */
export type EditResult = { flow: Flow; place: FlowPlace } | { refusal: string };

const OWNER = '$owner';

function allIds(flow: Flow): Set<string> {
  const ids = new Set<string>();
  for (const node of flow.nodes) {
    ids.add(node.id);
    if (node.kind !== 'parallel') continue;
    for (const branch of node.branches) {
      ids.add(branch.id);
      for (const step of branch.steps) ids.add(step.id);
    }
  }
  return ids;
}

/** An id no node, branch or step has yet (ids are unique across the flow: tasks are named by them). */
export function freshId(flow: Flow, base: string, taken: Set<string> = allIds(flow)): string {
  for (let n = 1; ; n += 1) {
    const id = `${base}${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const newStep = (id: string): StepFields => ({ id, name: '新环节', role: 'reviewer', department: OWNER, budgetDays: 1 });
const newBranch = (flow: Flow, taken: Set<string>, name: string): Branch => ({
  id: freshId(flow, 'branch', taken),
  name,
  department: OWNER,
  steps: [newStep(freshId(flow, 'step', taken))],
});

function insertAfter(flow: Flow, index: number, build: (next: Node['next'], taken: Set<string>) => Node): EditResult {
  const node = flow.nodes[index];
  if (!node) return { refusal: '所选环节不存在' };
  const added = build(structuredClone(node.next), allIds(flow));
  const nodes = flow.nodes.map((n, k) => (k === index ? { ...n, next: added.id } : n));
  nodes.splice(index + 1, 0, added);
  return { flow: { ...flow, nodes }, place: { node: index + 1 } };
}

/** A task right after a node: it takes over the node's `next`, cases included, and the node leads to it. */
export function addTaskAfter(flow: Flow, index: number): EditResult {
  return insertAfter(flow, index, (next, taken): TaskNode => ({ ...newStep(freshId(flow, 'step', taken)), kind: 'task', next }));
}

/** A parallel block of two branches right after a node (the schema asks for at least two). */
export function addParallelAfter(flow: Flow, index: number): EditResult {
  return insertAfter(flow, index, (next, taken): ParallelNode => ({
    id: freshId(flow, 'parallel', taken),
    kind: 'parallel',
    name: '并联审查',
    lead: OWNER,
    completion: 'all',
    branches: [newBranch(flow, taken, '分支一'), newBranch(flow, taken, '分支二')],
    next,
  }));
}

function withNode(flow: Flow, index: number, change: (node: ParallelNode) => ParallelNode | string): Flow | string {
  const node = flow.nodes[index];
  if (node?.kind !== 'parallel') return '所选环节不是并联环节';
  const changed = change(node);
  if (typeof changed === 'string') return changed;
  return { ...flow, nodes: flow.nodes.map((n, k) => (k === index ? changed : n)) };
}

function result(flow: Flow | string, place: FlowPlace): EditResult {
  return typeof flow === 'string' ? { refusal: flow } : { flow, place };
}

export function addBranch(flow: Flow, index: number): EditResult {
  const count = flow.nodes[index]?.kind === 'parallel' ? (flow.nodes[index] as ParallelNode).branches.length : 0;
  const next = withNode(flow, index, (node) => ({
    ...node,
    branches: [...node.branches, newBranch(flow, allIds(flow), `分支${count + 1}`)],
  }));
  return result(next, { node: index, branch: count });
}

export function addStepInBranch(flow: Flow, place: Required<Pick<FlowPlace, 'node' | 'branch'>> & FlowPlace): EditResult {
  const at = (place.step ?? -1) + 1;
  const next = withNode(flow, place.node, (node) => ({
    ...node,
    branches: node.branches.map((b, k) =>
      k === place.branch ? { ...b, steps: [...b.steps.slice(0, at), newStep(freshId(flow, 'step')), ...b.steps.slice(at)] } : b,
    ),
  }));
  return result(next, { node: place.node, branch: place.branch, step: at });
}

/** Every target naming `from` (plain `next`, cases, `otherwise`) names `to` instead. */
function retarget(node: Node, from: string, to: Node['next']): Node {
  const { next } = node;
  if (typeof next === 'string') return next === from ? { ...node, next: structuredClone(to) } : node;
  if (typeof to !== 'string') return node;
  return {
    ...node,
    next: {
      ...next,
      cases: next.cases.map((c) => (c.to === from ? { ...c, to } : c)),
      otherwise: next.otherwise === from ? to : next.otherwise,
    },
  };
}

function isNamedByCase(flow: Flow, id: string): boolean {
  return flow.nodes.some((n) => typeof n.next !== 'string' && (n.next.otherwise === id || n.next.cases.some((c) => c.to === id)));
}

/** Removes a node; whatever led to it leads to where it led. */
export function removeNode(flow: Flow, index: number): EditResult {
  const node = flow.nodes[index];
  if (!node) return { refusal: '所选环节不存在' };
  if (flow.nodes.length === 1) return { refusal: '流程至少要有一个环节' };
  if (typeof node.next !== 'string' && isNamedByCase(flow, node.id))
    return { refusal: '该环节按条件分流，且由其他环节的条件分流指向，请先调整流转再删除' };
  let start = flow.start;
  if (start === node.id) {
    if (typeof node.next !== 'string' || node.next === FLOW_END) return { refusal: '这是起始环节，且没有唯一的下一环节可作起始' };
    start = node.next;
  }
  const nodes = flow.nodes.filter((_, k) => k !== index).map((n) => retarget(n, node.id, node.next));
  return {
    flow: { ...flow, start, nodes },
    place: { node: Math.max(0, Math.min(index, nodes.length - 1) - (index > 0 ? 1 : 0)) },
  };
}

export function removeBranch(flow: Flow, place: FlowPlace): EditResult {
  const next = withNode(flow, place.node, (node) =>
    node.branches.length <= 2
      ? '并联环节至少要有两个分支'
      : { ...node, branches: node.branches.filter((_, k) => k !== place.branch) },
  );
  return result(next, { node: place.node });
}

export function removeStep(flow: Flow, place: FlowPlace): EditResult {
  const next = withNode(flow, place.node, (node) => {
    const branch = node.branches[place.branch ?? -1];
    if (!branch) return '所选分支不存在';
    if (branch.steps.length <= 1) return '分支至少要有一个环节；可删除整个分支';
    const steps = branch.steps.filter((_, k) => k !== place.step);
    return { ...node, branches: node.branches.map((b, k) => (k === place.branch ? { ...b, steps } : b)) };
  });
  return result(next, { node: place.node, ...(place.branch === undefined ? {} : { branch: place.branch }) });
}

/**
 * Swaps a node with the one before it on a plain chain (P → X → …  becomes  X → P → …). Only
 * where the chain is plain: a node reached by a case or leading on by cases is moved by editing
 * its 流转, since "before" is not one place there.
 */
function swapWithPredecessor(flow: Flow, index: number): EditResult {
  const node = flow.nodes[index];
  if (!node) return { refusal: '所选环节不存在' };
  const leadingHere = flow.nodes.filter((n) => n.id !== node.id && (typeof n.next === 'string' ? n.next === node.id : false));
  const predecessor = leadingHere[0];
  if (flow.start === node.id || !predecessor) return { refusal: '前面没有可交换的环节' };
  if (leadingHere.length > 1 || isNamedByCase(flow, node.id) || typeof node.next !== 'string')
    return { refusal: '该环节前后按条件分流或有多个来源，请在流转中调整顺序' };
  const after = node.next;
  const nodes = flow.nodes.map((n): Node => {
    if (n.id === node.id) return { ...n, next: predecessor.id };
    if (n.id === predecessor.id) return { ...n, next: after };
    return retarget(n, predecessor.id, node.id);
  });
  const p = nodes.findIndex((n) => n.id === predecessor.id);
  const x = nodes.findIndex((n) => n.id === node.id);
  // Document order follows the chain, so the list the clerk reads matches the graph.
  if (p < x) [nodes[p], nodes[x]] = [nodes[x]!, nodes[p]!];
  return {
    flow: { ...flow, start: flow.start === predecessor.id ? node.id : flow.start, nodes },
    place: { node: nodes.findIndex((n) => n.id === node.id) },
  };
}

export function moveNode(flow: Flow, index: number, direction: 'up' | 'down'): EditResult {
  if (direction === 'up') return swapWithPredecessor(flow, index);
  const node = flow.nodes[index];
  const nextIndex = typeof node?.next === 'string' ? flow.nodes.findIndex((n) => n.id === node.next) : -1;
  if (!node || nextIndex < 0) return { refusal: '后面没有可交换的环节' };
  const moved = swapWithPredecessor(flow, nextIndex);
  if ('refusal' in moved) return { refusal: moved.refusal.replace('前面没有可交换的环节', '后面没有可交换的环节') };
  return { flow: moved.flow, place: { node: moved.flow.nodes.findIndex((n) => n.id === node.id) } };
}

function swap<T>(items: readonly T[], k: number, direction: 'up' | 'down'): T[] | undefined {
  const other = direction === 'up' ? k - 1 : k + 1;
  if (k < 0 || other < 0 || other >= items.length || k >= items.length) return undefined;
  const copy = [...items];
  [copy[k], copy[other]] = [copy[other]!, copy[k]!];
  return copy;
}

/** Moves a branch left/right, or a step up/down inside its branch. */
export function moveInParallel(flow: Flow, place: FlowPlace, direction: 'up' | 'down'): EditResult {
  const delta = direction === 'up' ? -1 : 1;
  const branchIndex = place.branch ?? -1;
  const next = withNode(flow, place.node, (node) => {
    if (place.step === undefined) {
      const branches = swap(node.branches, branchIndex, direction);
      return branches ? { ...node, branches } : '已是最边上的分支';
    }
    const branch = node.branches[branchIndex];
    const steps = branch && swap(branch.steps, place.step, direction);
    if (!steps) return direction === 'up' ? '已是分支的第一个环节' : '已是分支的最后一个环节';
    return { ...node, branches: node.branches.map((b, k) => (k === branchIndex ? { ...b, steps } : b)) };
  });
  return result(
    next,
    place.step === undefined
      ? { node: place.node, branch: branchIndex + delta }
      : { node: place.node, branch: branchIndex, step: place.step + delta },
  );
}

/** Sets fields of the node, branch or step at a place; a field set to undefined is removed. */
export function updateAt(flow: Flow, place: FlowPlace, patch: Record<string, unknown>): Flow {
  const apply = <T extends object>(target: T): T => {
    const merged: Record<string, unknown> = { ...target, ...patch };
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete merged[key];
    return merged as T;
  };
  const nodes = flow.nodes.map((node, k): Node => {
    if (k !== place.node) return node;
    if (place.branch === undefined || node.kind !== 'parallel') return apply(node);
    return {
      ...node,
      branches: node.branches.map((branch, b) => {
        if (b !== place.branch) return branch;
        if (place.step === undefined) return apply(branch);
        return { ...branch, steps: branch.steps.map((step, s) => (s === place.step ? apply(step) : step)) };
      }),
    };
  });
  return { ...flow, nodes };
}
