import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { errorMessages, fixedClock } from '../../platform/src/kernel';
import { buildOpenApi, createApp, errorStatus } from '../../platform/src/http';
import { loadConfig } from '../../platform/src/infra';
import { composeRoutes } from '../../platform/src/server/composeRoutes';

const deps = { db: {} as never, clock: fixedClock('2026-01-01T00:00:00Z'), logger: pino({ level: 'silent' }) };
const allRoutes = composeRoutes(deps, loadConfig({ NODE_ENV: 'test' }));
const openApiDocument = () => buildOpenApi(allRoutes);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('error codes', () => {
  const documented = readFileSync('docs/errors.md', 'utf8');

  it('lists every code of the catalog in docs/errors.md with its status', () => {
    for (const code of Object.keys(errorMessages)) {
      const status = errorStatus[code as keyof typeof errorStatus];
      expect(documented, code).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`));
    }
  });

  it('uses only catalogued codes in fail(...) calls', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('platform/src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/fail\(\s*'([A-Z_]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(10);
    for (const code of used) expect(Object.keys(errorMessages), code).toContain(code);
  });
});

/** Every route mounted on the app, as "METHOD /api/path/{param}". */
function mountedRoutes(): string[] {
  const app = createApp({
    routes: allRoutes,
    logger: deps.logger,
    settings: { bodyLimitBytes: 1024, isSecureCookies: false, trustProxy: false },
    findSession: async () => undefined,
  });
  const routes: string[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method.toUpperCase()} ${prefix}${String(layer.route.path).replace(/:(\w+)/g, '{$1}')}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix);
      }
    }
  };
  walk((app as any).router.stack, '/api');
  return routes;
}

describe('OpenAPI document', () => {
  it('describes every mounted route, and nothing that is not mounted', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const mounted = mountedRoutes();
    expect(mounted.length).toBeGreaterThan(10);
    expect([...mounted].sort()).toEqual([...documented].sort());
  });
});

describe('quality rules', () => {
  it('documents every rule of the registry in docs/quality.md', async () => {
    const { qualityRules } = await import('../../platform/src/catalog/quality');
    const documented = readFileSync('docs/quality.md', 'utf8');
    const rows = documented.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
    for (const rule of qualityRules) {
      expect(rows, rule.id).toContainEqual(expect.arrayContaining([`\`${rule.id}\``, rule.title, rule.severity]));
    }
  });
});

describe('OpenAPI 3.1 validity', () => {
  it('validates against the official OpenAPI 3.1 schema', async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const result = await new Validator().validate(JSON.parse(JSON.stringify(openApiDocument())));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has only valid JSON Schema 2020-12 Schema Objects (the validator above does not descend into them)', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ strict: false });
    const document = openApiDocument() as {
      paths: Record<string, Record<string, any>>;
      components: { schemas: Record<string, unknown> };
    };
    const schemas: [string, unknown][] = Object.entries(document.components.schemas);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const parameter of operation.parameters ?? [])
          schemas.push([`${method} ${path} ${parameter.name}`, parameter.schema]);
        for (const [type, media] of Object.entries<any>(operation.requestBody?.content ?? {}))
          schemas.push([`${method} ${path} body ${type}`, media.schema ?? {}]);
      }
    }
    expect(schemas.length).toBeGreaterThan(20);
    for (const [where, schema] of schemas) {
      expect(ajv.validateSchema(schema as object), `${where}: ${ajv.errorsText()}`).toBe(true);
    }
  });
});
