import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPluginBundle, createSandboxPool, FORMS_FILE, renderFormTypes, type PluginCheckResult } from '../plugins/index';
import { publishedForms, readPluginFolder, seedForms } from './pluginFolder';
import { scaffoldPlugin } from './scaffoldPlugin';

const USAGE = `用法 / usage:
  npm run plugin -- new <dir> --id <id> --department <部门编码> --matter <事项编码> [--matter …]
  npm run plugin -- types <dir> (--seed | --url http://平台地址/)
  npm run plugin -- check <dir> [--seed | --url …] [--allow-origin http://127.0.0.1:8080 …]
  npm run plugin -- pack <dir> [--out <目录>]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    department: { type: 'string' },
    matter: { type: 'string', multiple: true },
    seed: { type: 'boolean' },
    url: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    out: { type: 'string' },
  },
});

const [command, dirArgument] = positionals;
if (!command || !dirArgument) {
  console.error(USAGE);
  process.exit(2);
}
const dir = resolve(dirArgument);

function mattersOf(manifest: unknown): string[] {
  const matters = (manifest as { matters?: unknown }).matters;
  return Array.isArray(matters) ? matters.filter((code): code is string => typeof code === 'string') : [];
}

/** The target matters' forms: from a running platform with --url, else from the seed catalog. */
async function formsFor(codes: string[]): Promise<Record<string, unknown>> {
  return values.url ? publishedForms(values.url, codes) : seedForms(codes);
}

function printResult(result: PluginCheckResult): void {
  for (const diagnostic of result.diagnostics) {
    const place = diagnostic.line
      ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`
      : diagnostic.file || 'plugin.json';
    console.log(`${place}${diagnostic.pointer ? ` ${diagnostic.pointer}` : ''}  ${diagnostic.code}  ${diagnostic.message}`);
  }
  for (const example of result.examples)
    console.log(`${example.ok ? '✓' : '✗'} ${example.hook} ${example.name}${example.message ? `: ${example.message}` : ''}`);
  console.log(result.ok ? `通过 / passed (${result.stage})` : `未通过：${result.stage} / failed at ${result.stage}`);
}

switch (command) {
  case 'new': {
    if (!values.id || !values.department || !values.matter?.length) {
      console.error(USAGE);
      process.exit(2);
    }
    if (existsSync(join(dir, 'plugin.json'))) {
      console.error(`${dir} 已有 plugin.json / already has a plugin.json`);
      process.exit(1);
    }
    const written = scaffoldPlugin(dir, { id: values.id, department: values.department, matters: values.matter });
    const forms = await formsFor(values.matter);
    writeFileSync(join(dir, FORMS_FILE), await renderFormTypes(forms));
    for (const file of [...written, FORMS_FILE]) console.log(`wrote ${join(dir, file)}`);
    break;
  }
  case 'types': {
    const forms = await formsFor(mattersOf(readPluginFolder(dir).manifest));
    writeFileSync(join(dir, FORMS_FILE), await renderFormTypes(forms));
    console.log(`wrote ${join(dir, FORMS_FILE)} (${Object.keys(forms).join(', ') || '没有找到事项的表单 / no forms found'})`);
    break;
  }
  case 'check': {
    const bundle = readPluginFolder(dir);
    const pool = createSandboxPool({ quota: { callsPerMinute: 100_000, cpuMsPerMinute: 600_000 } });
    try {
      const result = await checkPluginBundle(bundle, {
        forms: await formsFor(mattersOf(bundle.manifest)),
        pool,
        grants: { httpOrigins: values['allow-origin'] ?? [] },
      });
      printResult(result);
      process.exitCode = result.ok ? 0 : 1;
    } finally {
      await pool.close();
    }
    break;
  }
  case 'pack': {
    const bundle = readPluginFolder(dir);
    const { id, version } = bundle.manifest as { id?: string; version?: string };
    const outDir = resolve(values.out ?? '.');
    mkdirSync(outDir, { recursive: true });
    const target = join(outDir, `${id ?? 'plugin'}-${version ?? '0.0.0'}.plugin.json`);
    writeFileSync(target, `${JSON.stringify(bundle, null, 2)}\n`);
    console.log(`wrote ${target}（上传时提交此文件 / upload this file）`);
    break;
  }
  default:
    console.error(USAGE);
    process.exit(2);
}
