import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkPluginBundle,
  type ExampleGrants,
  type PluginBundle,
  type PluginCheckResult,
  type SandboxGrants,
  type SandboxPool,
  type SandboxRequest,
  type SandboxResult,
} from '../plugins/index';

/** Folders and files of a plugin folder that are not part of the upload. */
const SKIPPED = new Set(['node_modules', 'test', 'dist', '.git']);

/** Every file under `dir/src`, by posix path relative to `dir`. */
function sourceFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (SKIPPED.has(name)) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.test.ts')) files[relative(dir, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(join(dir, 'src'));
  return files;
}

/** A plugin folder as the upload body: `plugin.json` and the sources under `src/` (tests stay home). */
export function readPluginFolder(dir: string): PluginBundle {
  return { manifest: JSON.parse(readFileSync(join(dir, 'plugin.json'), 'utf8')) as unknown, files: sourceFiles(dir) };
}

const SEED_MATTERS = fileURLToPath(new URL('../../../schemas/catalog/matters/', import.meta.url));

interface SeedMatter {
  code: string;
  name: string;
  department: { code?: string };
  form?: { schema?: unknown };
}

/** The seed catalog's matters (what `--seed` types a plugin against), by code. */
export function seedMatters(): Map<string, SeedMatter> {
  const matters = new Map<string, SeedMatter>();
  for (const folder of readdirSync(SEED_MATTERS).sort())
    for (const file of readdirSync(join(SEED_MATTERS, folder))
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const matter = JSON.parse(readFileSync(join(SEED_MATTERS, folder, file), 'utf8')) as SeedMatter;
      matters.set(matter.code, matter);
    }
  return matters;
}

/** Form schemas of the given matters from the seed catalog; an unknown code is left out (the check names it). */
export function seedForms(codes: readonly string[]): Record<string, unknown> {
  const matters = seedMatters();
  return Object.fromEntries(
    codes.flatMap((code) => {
      const schema = matters.get(code)?.form?.schema;
      return schema === undefined ? [] : [[code, schema]];
    }),
  );
}

/** Form schemas of the given matters as a running platform publishes them (`GET /api/matters/{code}`). */
export async function publishedForms(baseUrl: string, codes: readonly string[]): Promise<Record<string, unknown>> {
  const forms: Record<string, unknown> = {};
  for (const code of codes) {
    const response = await fetch(
      new URL(`api/matters/${encodeURIComponent(code)}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`),
    );
    if (!response.ok) throw new Error(`GET /api/matters/${code}: ${response.status}`);
    const body = (await response.json()) as { document?: { form?: { schema?: unknown } } };
    const schema = body.document?.form?.schema;
    if (schema === undefined) throw new Error(`事项 ${code} 没有表单`);
    forms[code] = schema;
  }
  return forms;
}

/** The upload check over a plugin folder, typed against the seed catalog's forms (author tooling and the plugins' tests). */
export async function checkPluginFolder(
  dir: string,
  options: { pool: SandboxPool; forms?: Record<string, unknown>; grants?: ExampleGrants },
): Promise<PluginCheckResult> {
  const bundle = readPluginFolder(dir);
  const codes = (bundle.manifest as { matters?: string[] }).matters ?? [];
  return checkPluginBundle(bundle, { forms: options.forms ?? seedForms(codes), pool: options.pool, grants: options.grants });
}

/** One call of a checked plugin's compiled code in the pool, as the host makes it (for the plugins' own tests). */
export function runCheckedHook(
  pool: SandboxPool,
  dir: string,
  compiled: string,
  call: { hook: SandboxRequest['hook']; input: unknown; options?: unknown; grants?: Partial<SandboxGrants> },
): Promise<SandboxResult> {
  const manifest = readPluginFolder(dir).manifest as {
    id: string;
    version: string;
    department: string;
    options?: { defaults?: unknown };
  };
  return pool.run({
    departmentCode: manifest.department,
    pluginId: manifest.id,
    version: manifest.version,
    code: compiled,
    hook: call.hook,
    input: call.input,
    options: call.options ?? manifest.options?.defaults ?? {},
    grants: { httpOrigins: [], lookupTables: {}, calendar: null, ...call.grants },
  });
}
