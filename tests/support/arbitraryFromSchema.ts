import fc from 'fast-check';

type Schema = Record<string, unknown>;

/** Strings an attacker would send: NUL, lone surrogates, SQL and LIKE syntax, path tricks, huge numbers. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '%',
    '%00',
    "' OR 1=1 --",
    '../../etc/passwd',
    '99999999999999999999',
    '-1',
    '1e309',
    '{"$gt":""}',
    '食品'.repeat(30),
  ),
);

function arbitraryString(schema: Schema): fc.Arbitrary<string> {
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  const maxLength = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 60) : 60;
  const minLength = typeof schema.minLength === 'number' ? Math.min(schema.minLength, maxLength) : 0;
  return fc.string({ minLength, maxLength });
}

/**
 * Values that satisfy a request schema (the subset our request schemas use), so generated requests
 * reach the operations and not only the validator. Unknown shapes fall back to any JSON value.
 */
export function arbitraryFromSchema(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema !== 'object' || schema === null || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  const s = schema as Schema;
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const options = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (Array.isArray(options) && options.length > 0)
    return fc.oneof(...options.map((option) => arbitraryFromSchema(option, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return arbitraryString(s);
    case 'integer':
      return fc.integer({
        min: typeof s.minimum === 'number' ? s.minimum : -1000,
        max: typeof s.maximum === 'number' ? s.maximum : 100_000,
      });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFromSchema(s.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = arbitraryFromSchema(property, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((name) => name in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mostly valid, sometimes hostile: a value from the schema, or any string or JSON at all. */
export function probeFromSchema(schema: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: arbitraryFromSchema(schema) },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
