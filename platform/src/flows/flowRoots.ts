import type { Flow, TimeLimit } from './Flow';

/** Where the cases of one 办理情形 enter the flow, with the promise they are held to. */
export interface SituationStart {
  /** 情形标识 and 情形名称, for messages. */
  id: string;
  name: string;
  /** The situation's `flowStart`; undefined when it starts where the flow starts. */
  flowStart: string | undefined;
  /** Pointer of the situation in the matter document, e.g. `/situations/1`. */
  pointer: string;
  /** The situation's own 承诺办结时限, or the matter's when it has none. */
  promised: TimeLimit | undefined;
}

/** A node where cases start: the flow's start, or a situation's. */
export interface FlowRoot {
  start: string;
  promised: TimeLimit | undefined;
  /** Where an issue about this root points: the flow, or the situation's `flowStart`. */
  pointer: string;
  /** The situation it belongs to, as clerks name it (“办理情形“最终审核”（final）”); undefined for the flow's own start. */
  situation: string | undefined;
}

/**
 * The flow's start plus one root per 办理情形 that starts elsewhere or promises something else.
 * A situation that starts where the flow starts and promises what the matter promises adds nothing
 * (it would repeat the same issue); one with an unknown `flowStart` is left to the situation checks.
 */
export function flowRoots({
  flow,
  prefix,
  promised,
  situationStarts = [],
}: {
  flow: Flow;
  prefix: string;
  promised: TimeLimit | undefined;
  situationStarts?: readonly SituationStart[];
}): FlowRoot[] {
  const roots: FlowRoot[] = [{ start: flow.start, promised, pointer: prefix, situation: undefined }];
  for (const situation of situationStarts) {
    const start = situation.flowStart ?? flow.start;
    const isSame = roots.some(
      (root) =>
        root.start === start &&
        root.promised?.value === situation.promised?.value &&
        root.promised?.unit === situation.promised?.unit,
    );
    if (isSame) continue;
    roots.push({
      start,
      promised: situation.promised,
      pointer: situation.flowStart === undefined ? `${situation.pointer}/timeLimits/promised` : `${situation.pointer}/flowStart`,
      situation: `办理情形“${situation.name}”（${situation.id}）`,
    });
  }
  return roots;
}
