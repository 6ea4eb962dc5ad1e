import { matterMetaSchema } from '@matterflow/schemas';
import { parsePointer } from './pointers';

type Schema = Record<string, unknown>;

const resolve = (schema: Schema | undefined): Schema | undefined => {
  const ref = schema?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schema;
  const defs = matterMetaSchema.$defs as Record<string, Schema>;
  return { ...defs[ref.slice('#/$defs/'.length)], ...schema, $ref: undefined };
};

/**
 * A field's name in words from the meta-schema's titles, e.g. `/materials/0/name` →
 * 申请材料 › 第 1 项 › 材料名称; tokens the schema does not describe (inside the form's own schema,
 * the flow) are shown as they are.
 */
export function fieldTitle(pointer: string): string {
  let schema: Schema | undefined = matterMetaSchema as Schema;
  const words: string[] = [];
  for (const token of parsePointer(pointer)) {
    const properties = schema?.properties as Record<string, Schema> | undefined;
    const items = schema?.items as Schema | undefined;
    if (items && /^\d+$/.test(token)) {
      words.push(`第 ${Number(token) + 1} 项`);
      schema = resolve(items);
    } else {
      schema = resolve(properties?.[token]);
      words.push(typeof schema?.title === 'string' ? schema.title : token);
    }
  }
  return words.length > 0 ? words.join(' › ') : '整个文档';
}
