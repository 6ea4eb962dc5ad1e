import { posix } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { CheckDiagnostic } from './PluginCheckResult';
import { SDK_DIR, SDK_SPECIFIER } from './PluginCheckResult';

const ENTRY = 'src/index.ts';
const NAMESPACE = 'plugin-bundle';
/**
 * The code of a compile step's diagnostic: a check result's code (docs/plugins.md), not a FieldIssue
 * code of the catalogue, whose literals the issue-code test collects.
 */
const ESBUILD_DIAGNOSTIC = 'esbuild';
const LOADERS = { '.ts': 'ts', '.js': 'js', '.json': 'json' } as const;

/** `./a` may name `a.ts`, `a/index.ts` or (as TypeScript writes it) `a.js` for `a.ts`. */
function candidates(path: string): string[] {
  return [path, `${path}.ts`, `${path}/index.ts`, path.replace(/\.js$/, '.ts')];
}

/**
 * Resolves only the bundle's own relative files and the SDK; everything else — Node built-ins,
 * packages, paths out of the bundle — is refused, so the compiled script holds nothing but the
 * author's code and `definePlugin`.
 */
function onlyBundleFiles(files: Record<string, string>): Plugin {
  return {
    name: 'matterflow-plugin-bundle',
    setup(esbuild) {
      esbuild.onResolve({ filter: /.*/ }, (args) => {
        if (args.path === SDK_SPECIFIER) return { path: `${SDK_DIR}/index.ts`, namespace: NAMESPACE };
        const from = args.namespace === NAMESPACE ? posix.dirname(args.importer) : '.';
        if (args.path.startsWith('./') || args.path.startsWith('../')) {
          const joined = posix.normalize(posix.join(from, args.path));
          // The SDK's own files import one another; authors' files must stay inside the bundle.
          const inside = !joined.startsWith('..') && (!joined.startsWith(`${SDK_DIR}/`) || from.startsWith(SDK_DIR));
          const found = inside ? candidates(joined).find((path) => files[path] !== undefined) : undefined;
          if (found) return { path: found, namespace: NAMESPACE };
        }
        return {
          errors: [{ text: `不允许导入“${args.path}”：插件只能导入本插件内的相对文件和 ${SDK_SPECIFIER}` }],
        };
      });
      esbuild.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const extension = posix.extname(args.path) as keyof typeof LOADERS;
        return { contents: files[args.path] ?? '', loader: LOADERS[extension] ?? 'ts' };
      });
    },
  };
}

export type CompileResult = { ok: true; code: string } | { ok: false; diagnostics: CheckDiagnostic[] };

/**
 * The bundle as one IIFE script (es2020) that assigns `globalThis.__matterflowPlugin` the plugin
 * `src/index.ts` exports, which is what the sandbox evaluates.
 */
export async function compilePlugin(files: Record<string, string>): Promise<CompileResult> {
  const result = await build({
    stdin: {
      contents: `import { plugin } from './${ENTRY}';\nglobalThis.__matterflowPlugin = plugin;\n`,
      loader: 'ts',
      sourcefile: '(entry)',
    },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [onlyBundleFiles(files)],
  }).catch((error: unknown) => ({
    failure: error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] },
  }));
  if ('failure' in result) {
    const errors = result.failure.errors ?? [{ text: String(result.failure), location: null }];
    return {
      ok: false,
      diagnostics: errors.map((error) => ({
        file: error.location?.file.replace(`${NAMESPACE}:`, '') ?? '',
        line: error.location?.line ?? 0,
        column: error.location ? error.location.column + 1 : 0,
        code: ESBUILD_DIAGNOSTIC,
        message: error.text,
      })),
    };
  }
  const code = result.outputFiles[0]?.text ?? '';
  return { ok: true, code };
}
