import type { Flow } from '@matterflow/schemas';
import { Controls, MarkerType, ReactFlow, useReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { describeCondition } from '@matterflow/schemas';
import { useEffect, useMemo } from 'react';
import { ParallelCard, TaskCard, TerminalCard, type CardContext } from './FlowCards';
import { END_ID, layoutFlow, START_ID } from './flowLayout';

const NODE_TYPES = { task: TaskCard, parallel: ParallelCard, terminal: TerminalCard };
const ARIA_LABELS = {
  'node.a11yDescription.default': '流程图中的环节，点击选中后在右侧编辑',
  'node.a11yDescription.keyboardDisabled': '流程图中的环节',
  'edge.a11yDescription.default': '环节之间的流转',
  'controls.ariaLabel': '流程图缩放',
  'controls.zoomIn.ariaLabel': '放大',
  'controls.zoomOut.ariaLabel': '缩小',
  'controls.fitView.ariaLabel': '适应窗口',
  'handle.ariaLabel': '连接点',
};

function nodeName(flow: Flow, id: string): string {
  if (id === START_ID) return '开始';
  if (id === END_ID) return '办结';
  return flow.nodes.find((node) => node.id === id)?.name ?? id;
}

/**
 * The flow drawn from its structure (flowLayout): top to bottom, a parallel block's branches side
 * by side inside its card, a switch's cases as labelled edges. Nothing is dragged or connected by
 * hand; every change goes through the side panel, so the graph can never disagree with the DSL.
 */
export function FlowGraphView({
  flow,
  context,
  focusId,
}: {
  flow: Flow;
  context: CardContext;
  /** A node to bring into view (the selection, or a focused pointer). */
  focusId: string | undefined;
}) {
  const layout = useMemo(() => layoutFlow(flow), [flow]);
  const { fitView } = useReactFlow();
  const nodes = useMemo(
    (): Node[] =>
      layout.nodes.map((placed) => {
        const base = { id: placed.id, position: { x: placed.x, y: placed.y }, width: placed.width, height: placed.height };
        const node = placed.index === undefined ? undefined : flow.nodes[placed.index];
        if (!node || placed.index === undefined) {
          const label = placed.id === START_ID ? '开始' : '办结';
          return { ...base, type: 'terminal', data: { label }, ariaRole: 'group', ariaLabel: label };
        }
        const kind = node.kind === 'parallel' ? '并联环节' : '环节';
        return {
          ...base,
          type: node.kind,
          data: { node, index: placed.index, context },
          ariaRole: 'group',
          ariaLabel: `${kind}“${node.name}”`,
        };
      }),
    [layout, flow, context],
  );
  const edges = useMemo(
    (): Edge[] =>
      layout.edges.map((placed) => {
        const source = flow.nodes.find((n) => n.id === placed.source);
        const next = source?.next;
        let label: string | undefined;
        if (typeof next === 'object' && placed.branch !== undefined) {
          const chosen = placed.branch === 'otherwise' ? undefined : next.cases[placed.branch];
          label = chosen ? (chosen.label ?? describeCondition(chosen.when, context.formSchema)) || '条件' : '其他情况';
        }
        const onPath = context.onPath.has(placed.source) && (placed.target === END_ID || context.onPath.has(placed.target));
        return {
          id: placed.id,
          source: placed.source,
          target: placed.target,
          type: 'smoothstep',
          markerEnd: { type: MarkerType.ArrowClosed },
          ariaLabel: `从“${nodeName(flow, placed.source)}”到“${nodeName(flow, placed.target)}”${label ? `：${label}` : ''}`,
          ...(label ? { label } : {}),
          ...(onPath ? { className: 'is-on-path' } : {}),
        };
      }),
    [layout, flow, context],
  );
  // The view follows the structure: a new node or a focused pointer is brought into sight.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      void fitView(focusId ? { nodes: [{ id: focusId }], maxZoom: 1, duration: 200 } : { maxZoom: 1 });
    });
    return () => cancelAnimationFrame(frame);
  }, [fitView, focusId, layout.nodes.length]);
  return (
    <div className="flow-graph" aria-label="流程图" role="region">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        fitView
        minZoom={0.2}
        maxZoom={1.5}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
