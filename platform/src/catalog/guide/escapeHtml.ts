const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text and attribute values for HTML: the five characters that can end a text node or an attribute.
 * Everything on the guide page that comes from a document passes through here, since the page is
 * public and a matter's text is typed by staff.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
