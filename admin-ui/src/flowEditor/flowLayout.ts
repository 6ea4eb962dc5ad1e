import { FLOW_END, buildFlowGraph, type Flow, type Node } from '@matterflow/schemas';

export const TASK_SIZE = { width: 240, height: 80 } as const;
export const TERMINAL_SIZE = { width: 120, height: 40 } as const;
const BRANCH_WIDTH = 200;
const BRANCH_GAP = 12;
const PARALLEL_HEADER = 72;
const BRANCH_HEADER = 34;
const STEP_HEIGHT = 64;
const PARALLEL_PADDING = 12;
const COLUMN_GAP = 48;
const ROW_GAP = 56;

export const START_ID = '__start';
export const END_ID = '__end';

export interface PlacedNode {
  /** The node id, or START_ID / END_ID for the 开始 and 办结 markers. */
  id: string;
  /** Index in `flow.nodes`; undefined for the markers. */
  index: number | undefined;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  source: string;
  target: string;
  /** The case's index in `next.cases`, or 'otherwise'; undefined for a plain `next`. */
  branch: number | 'otherwise' | undefined;
}

export interface FlowLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export function nodeSize(node: Node): { width: number; height: number } {
  if (node.kind === 'task') return TASK_SIZE;
  const columns = node.branches.length;
  const deepest = Math.max(1, ...node.branches.map((b) => b.steps.length));
  return {
    width: Math.max(TASK_SIZE.width, columns * BRANCH_WIDTH + (columns - 1) * BRANCH_GAP + 2 * PARALLEL_PADDING),
    height: PARALLEL_HEADER + BRANCH_HEADER + deepest * STEP_HEIGHT + PARALLEL_PADDING,
  };
}

/**
 * Rows by the longest chain of `next` from the start (a node sits below everything that can lead
 * to it), so a clerk reads the flow top to bottom; the cases of a switch and unrelated nodes of the
 * same depth sit side by side. Loops are cut where the depth-first walk meets them; nodes the
 * start cannot reach come after, from their own depth. The layout is derived, never stored.
 */
function rowsOf(flow: Flow): string[][] {
  const graph = buildFlowGraph({ flow, prefix: '/flow' });
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const forward = new Map<string, string[]>();
  const visit = (id: string) => {
    state.set(id, 'open');
    const next: string[] = [];
    for (const edge of graph.get(id)?.edges ?? []) {
      if (edge.to === FLOW_END || !graph.has(edge.to)) continue;
      if (state.get(edge.to) === 'open') continue;
      next.push(edge.to);
      if (!state.has(edge.to)) visit(edge.to);
    }
    forward.set(id, next);
    state.set(id, 'done');
    order.push(id);
  };
  if (graph.has(flow.start)) visit(flow.start);
  for (const id of graph.keys()) if (!state.has(id)) visit(id);
  order.reverse();
  const depth = new Map<string, number>(order.map((id) => [id, 0]));
  for (const id of order) {
    for (const to of forward.get(id) ?? []) depth.set(to, Math.max(depth.get(to) ?? 0, (depth.get(id) ?? 0) + 1));
  }
  const rows: string[][] = [];
  // Within a row, document order: the order the clerk wrote the nodes in.
  for (const id of graph.keys()) {
    const row = depth.get(id) ?? 0;
    (rows[row] ??= []).push(id);
  }
  return rows.filter((row) => row.length > 0);
}

export function layoutFlow(flow: Flow): FlowLayout {
  const graph = buildFlowGraph({ flow, prefix: '/flow' });
  const indexOf = new Map(flow.nodes.map((node, index) => [node.id, index] as const).reverse());
  const placed: PlacedNode[] = [];
  const marker = (id: string, y: number): PlacedNode => ({
    id,
    index: undefined,
    x: -TERMINAL_SIZE.width / 2,
    y,
    ...TERMINAL_SIZE,
  });
  placed.push(marker(START_ID, 0));
  let y = TERMINAL_SIZE.height + ROW_GAP;
  for (const row of rowsOf(flow)) {
    const sizes = row.map((id) => nodeSize(graph.get(id)!.node));
    const width = sizes.reduce((sum, s) => sum + s.width, 0) + COLUMN_GAP * (row.length - 1);
    let x = -width / 2;
    row.forEach((id, k) => {
      const size = sizes[k]!;
      placed.push({ id, index: indexOf.get(id), x, y, ...size });
      x += size.width + COLUMN_GAP;
    });
    y += Math.max(...sizes.map((s) => s.height)) + ROW_GAP;
  }
  placed.push(marker(END_ID, y));

  const edges: PlacedEdge[] = [];
  if (graph.has(flow.start)) edges.push({ id: 'start', source: START_ID, target: flow.start, branch: undefined });
  for (const [id, vertex] of graph) {
    const next = vertex.node.next;
    vertex.edges.forEach((edge, k) => {
      if (edge.to !== FLOW_END && !graph.has(edge.to)) return;
      const branch = typeof next === 'string' ? undefined : k < next.cases.length ? k : 'otherwise';
      edges.push({ id: `${id}:${k}`, source: id, target: edge.to === FLOW_END ? END_ID : edge.to, branch });
    });
  }
  return { nodes: placed, edges };
}
