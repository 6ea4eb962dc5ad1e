import { compile } from 'json-schema-to-typescript';

/**
 * json-schema-to-typescript names a type after each `title`; ours are Chinese labels for clerks
 * and applicants. They move into the doc comment (an author hovering `form.transfereeIdNumber`
 * reads 受让方证件号码), so every schema becomes one type named by us.
 */
function prepare(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(prepare);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if ((key === 'properties' || key === '$defs' || key === 'definitions') && value && typeof value === 'object') {
      // Property names are data: a field called `title` stays a field.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, prepare(schema)]));
    } else if (key !== 'title' && key !== 'description' && key !== 'x-enumNames' && key !== '$id') out[key] = prepare(value);
  }
  const source = node as Record<string, unknown>;
  // An object with nothing declared is any object, not TypeScript's `{}` (any value but null).
  if (source.type === 'object' && !source.properties && source.additionalProperties === undefined && !source.patternProperties)
    out.additionalProperties = true;
  const doc = [source.title, source.description].filter((part) => typeof part === 'string' && part.length > 0).join(' — ');
  if (doc) out.description = doc;
  return out;
}

/** One exported TypeScript declaration named `name` for a JSON Schema (no banner, no side types). */
export async function schemaToTypeScript(
  schema: unknown,
  name: string,
  options: { additionalProperties?: boolean } = {},
): Promise<string> {
  const prepared = prepare(structuredClone(schema)) as Record<string, unknown>;
  return compile(prepared as never, name, {
    bannerComment: '',
    additionalProperties: options.additionalProperties ?? false,
    ignoreMinAndMaxItems: true,
    // A form's `$ref`s point inside the form; nothing is fetched.
    $refOptions: { resolve: { http: false, file: false } } as never,
  });
}
