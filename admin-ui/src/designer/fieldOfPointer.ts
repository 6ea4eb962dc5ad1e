const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The top-level form field a JSON pointer of the matter document falls in (its schema or its
 * uiSchema), so an issue or a quality finding opens that field; undefined for any other pointer.
 */
export function fieldOfPointer(pointer: string | undefined): string | undefined {
  const match = pointer ? /^\/form\/(?:schema\/properties|uiSchema)\/([^/]+)/.exec(pointer) : null;
  const segment = match?.[1];
  return segment === undefined || segment.startsWith('ui:') ? undefined : unescape(segment);
}
