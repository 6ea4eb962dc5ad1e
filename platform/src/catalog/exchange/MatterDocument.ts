/**
 * A matter document that passed `metaSchemas().matter`. The JSON Schema is the full contract; this
 * type names only what the exchange code reads directly.
 */
export interface MatterDocument {
  metaSchemaVersion: number;
  code: string;
  name: string;
  type: string;
  department: { code: string; name: string; [key: string]: unknown };
  [key: string]: unknown;
}
