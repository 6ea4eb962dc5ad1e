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

/** Each matter by its 实施编码 (the first of a code given twice), and its prerequisite edges to known matters. */
function prerequisiteGraph(matters: readonly QualityMatter[]) {
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
  return { byCode, edges };
}

/**
 * 互为前置: matters that (transitively) require each other can never be started. Computed over the
 * whole catalog, since the real case runs across departments, and reported on every matter of the
 * cycle (each at its own edge into it), so every department whose matter is in it sees it and
 * none of them can publish past it. The message spells one cycle out and names the rest of the group.
 */
export const prerequisiteCycle: QualityRule = {
  id: 'prerequisite.cycle',
  title: '前置事项循环（互为前置）',
  severity: 'error',
  scope: 'catalog',
  check({ matters }) {
    const { byCode, edges } = prerequisiteGraph(matters);
    const next = (code: string) => (edges.get(code) ?? []).map((edge) => edge.to);
    const findings: RuleFinding[] = [];
    for (const component of stronglyConnected([...byCode.keys()], next)) {
      const start = [...component].sort()[0]!;
      const isSelfLoop = next(start).includes(start);
      if (component.size < 2 && !isSelfLoop) continue;
      const cycle = findCycle(start, component, next);
      const names = cycle.map((code) => `${asText(at(byCode.get(code)?.document, 'name')) ?? ''}（${code}）`);
      const others = [...component].filter((code) => !cycle.includes(code)).sort();
      const message = `前置事项形成循环：${names.join(' → ')}${others.length > 0 ? `；同一循环组还包括 ${others.join('、')}` : ''}`;
      for (const code of [...component].sort()) {
        const onCycle = cycle.indexOf(code);
        const successor = onCycle >= 0 ? cycle[onCycle + 1] : undefined;
        const edge =
          (edges.get(code) ?? []).find((candidate) => candidate.to === successor) ??
          (edges.get(code) ?? []).find((candidate) => component.has(candidate.to));
        findings.push({ matter: byCode.get(code)!, pointer: `/prerequisites/${edge?.index ?? 0}`, message });
      }
    }
    return findings;
  },
};

/**
 * A 前置 naming a 实施编码 no matter of the catalog has: mistyped, or a matter since retired or
 * renumbered. Nobody can tell the applicant what to obtain first. (A prerequisite implemented at
 * another level, outside this catalog, is reported too: enter it, or check the code.)
 */
export const prerequisiteUnknown: QualityRule = {
  id: 'prerequisite.unknown',
  title: '前置事项不在目录中',
  severity: 'warning',
  scope: 'catalog',
  check({ matters }) {
    const { byCode } = prerequisiteGraph(matters);
    const findings: RuleFinding[] = [];
    for (const matter of matters) {
      asList(at(matter.document, 'prerequisites')).forEach((prerequisite, i) => {
        const code = asText(at(prerequisite, 'code'));
        if (code === undefined || byCode.has(code)) return;
        findings.push({
          matter,
          pointer: `/prerequisites/${i}/code`,
          message: `前置事项“${asText(at(prerequisite, 'name')) ?? ''}”的实施编码 ${code} 不是目录中的事项`,
        });
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
