import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../../platform/src/errors';
import { openApiDocument } from '../../platform/src/openapi';
import { createApp } from '../../platform/src/http/createApp';
import { loadConfig } from '../../platform/src/config';
import pino from 'pino';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('error codes', () => {
  const documented = readFileSync('docs/errors.md', 'utf8');

  it('lists every code of the catalog in docs/errors.md with its status', () => {
    for (const [code, { status }] of Object.entries(errorCatalog)) {
      expect(documented, code).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`));
    }
  });

  it('uses only catalogued codes in fail(...) calls', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('platform/src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/fail\(\s*'([A-Z_]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(10);
    for (const code of used) expect(Object.keys(errorCatalog), code).toContain(code);
  });
});

/** Every route mounted on the app, as "METHOD /api/path/{param}". */
function mountedRoutes(): string[] {
  const ctx = { db: {} as never, config: loadConfig({ NODE_ENV: 'test' }), logger: pino({ level: 'silent' }), clock: { now: () => new Date(), today: () => '2026-01-01' } };
  const app = createApp(ctx);
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
    const documented = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    const mounted = mountedRoutes();
    expect(mounted.length).toBeGreaterThan(10);
    expect([...mounted].sort()).toEqual([...documented].sort());
  });
});

describe('quality rules', () => {
  it('documents every rule of the registry in docs/quality.md', async () => {
    const { qualityRules } = await import('../../platform/src/catalog/quality');
    const documented = readFileSync('docs/quality.md', 'utf8');
    for (const rule of qualityRules) expect(documented, rule.id).toContain(`| \`${rule.id}\` | ${rule.title} | ${rule.severity} |`);
  });
});
