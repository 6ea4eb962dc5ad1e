import { perMatterRule, type QualityMatter, type QualityRule, type RuleFinding } from '../QualityRule';
import { asList, at, asText } from '@matterflow/schemas';

export const prerequisiteNotStatutory = perMatterRule(
  { id: 'prerequisite.not_statutory', title: '非法定前置事项', severity: 'warning' },
  (matter, report) => {
    asList(at(matter.document, 'prerequisites')).forEach((prerequisite, i) => {
      if (at(prerequisite, 'isStatutory') !== true) {
        report(`/prerequisites/${i}/isStatutory`, `前置事项“${asText(at(prerequisite, 'name')) ?? ''}”不是法定前置，应予取消`);
      }
    });
  },
);

/**
 * 互为前置: matters that (transitively) require each other can never be started. Each strongly
 * connected component is one defect, reported once on its first matter with one cycle spelled out.
 */
export const prerequisiteCycle: QualityRule = {
  id: 'prerequisite.cycle',
  title: '前置事项循环（互为前置）',
  severity: 'error',
  check({ matters }) {
    const byCode = new Map<string, QualityMatter>();
    for (const matter of matters) {
      const code = asText(at(matter.document, 'code')) ?? asText(matter.code);
      if (code && !byCode.has(code)) byCode.set(code, matter);
    }
    const edges = new Map<string, { to: string; index: number }[]>();
    for (const [code, matter] of byCode) {
      edges.set(
        code,
        asList(at(matter.document, 'prerequisites'))
          .map((prerequisite, index) => ({ to: asText(at(prerequisite, 'code')) ?? '', index }))
          .filter((edge) => byCode.has(edge.to)),
      );
    }
    const findings: RuleFinding[] = [];
    for (const component of stronglyConnected([...byCode.keys()], (code) => (edges.get(code) ?? []).map((edge) => edge.to))) {
      const start = [...component].sort()[0]!;
      const isSelfLoop = (edges.get(start) ?? []).some((edge) => edge.to === start);
      if (component.size < 2 && !isSelfLoop) continue;
      const cycle = findCycle(start, component, (code) => (edges.get(code) ?? []).map((edge) => edge.to));
      const firstEdge = (edges.get(start) ?? []).find((edge) => edge.to === cycle[1]);
      const names = cycle.map((code) => `${asText(at(byCode.get(code)?.document, 'name')) ?? ''}（${code}）`);
      findings.push({
        matter: byCode.get(start)!,
        pointer: `/prerequisites/${firstEdge?.index ?? 0}`,
        message: `前置事项形成循环：${names.join(' → ')}${component.size > cycle.length - 1 ? `；同一循环组还包括 ${[...component].filter((code) => !cycle.includes(code)).join('、')}` : ''}`,
      });
    }
    return findings;
  },
};

/** Tarjan's algorithm, iterative so that a long prerequisite chain cannot overflow the stack. */
function stronglyConnected(nodes: readonly string[], next: (node: string) => string[]): Set<string>[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: Set<string>[] = [];
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; children: string[]; at: number }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter += 1;
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: next(node), at: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.at < frame.children.length) {
        const child = frame.children[frame.at]!;
        frame.at += 1;
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = new Set<string>();
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.add(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** A shortest cycle through `start` inside its component (breadth-first), as start → … → start. */
function findCycle(start: string, component: ReadonlySet<string>, next: (node: string) => string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const child of next(node)) {
      if (!component.has(child)) continue;
      if (child === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(child)) {
        previous.set(child, node);
        queue.push(child);
      }
    }
  }
  return [start, start];
}
