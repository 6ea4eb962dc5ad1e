/** Where in the flow the clerk is working: a node, a branch of a parallel node, or a step of a branch. */
export type FlowPlace = { node: number; branch?: number; step?: number };

/** The JSON pointer of a place in the matter document, e.g. `/flow/nodes/2/branches/0/steps/1`. */
export function placePointer(place: FlowPlace): string {
  let pointer = `/flow/nodes/${place.node}`;
  if (place.branch !== undefined) pointer += `/branches/${place.branch}`;
  if (place.branch !== undefined && place.step !== undefined) pointer += `/steps/${place.step}`;
  return pointer;
}

const PLACE = /^\/flow\/nodes\/(\d+)(?:\/branches\/(\d+)(?:\/steps\/(\d+))?)?(?:\/|$)/;

/** The deepest place a pointer lies in; undefined for pointers about the flow as a whole (`/flow/start`). */
export function placeOf(pointer: string): FlowPlace | undefined {
  const match = PLACE.exec(pointer);
  if (!match) return undefined;
  const [, node, branch, step] = match;
  return {
    node: Number(node),
    ...(branch === undefined ? {} : { branch: Number(branch) }),
    ...(step === undefined ? {} : { step: Number(step) }),
  };
}

export function isSamePlace(a: FlowPlace | undefined, b: FlowPlace | undefined): boolean {
  return a?.node === b?.node && a?.branch === b?.branch && a?.step === b?.step;
}
