import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import ts from 'typescript';
import type { CheckDiagnostic } from './PluginCheckResult';
import { SDK_DIR, SDK_SPECIFIER } from './PluginCheckResult';

/**
 * Runs in a worker thread (typeCheck.ts): the compiler is synchronous and an upload's source is
 * the author's, so it must not hold the server's event loop or its heap. The thread answers one
 * request after another; the libraries are parsed once and their syntax trees kept.
 */
export interface TypeCheckRequest {
  /** Relative path → text: the bundle's sources, the generated forms.d.ts and the SDK. */
  files: Record<string, string>;
  roots: string[];
}

const libDir = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.es2023.d.ts'));
/** Only the ECMAScript libraries: no DOM, no Node, so a plugin cannot type-check against what the sandbox lacks. */
const LIB_FILE = /^lib\.(es[0-9a-z.]*|decorators(\.legacy)?)\.d\.ts$/;

/** The compiler's own code (`TS2339`): a check result's code (docs/plugins.md), not a FieldIssue code of the catalogue. */
const compilerCode = (code: number) => `TS${code}`;

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts'],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  isolatedModules: true,
  noEmit: true,
  baseUrl: '/',
  paths: { [SDK_SPECIFIER]: [`${SDK_DIR}/index.ts`] },
};

/**
 * The libraries' syntax trees, by file: every check has the same options, so the same trees (the
 * compiler itself reuses source files across programs).
 */
const libSources = new Map<string, ts.SourceFile>();

function libText(fileName: string): string | undefined {
  const base = fileName.slice(libDir.length + 1);
  return LIB_FILE.test(base) ? readFileSync(join(libDir, base), 'utf8') : undefined;
}

function typeCheck({ files, roots }: TypeCheckRequest): CheckDiagnostic[] {
  const isLib = (fileName: string) => fileName.startsWith(`${libDir}/`);
  const lookup = (fileName: string): string | undefined => {
    if (isLib(fileName)) return libText(fileName);
    return fileName.startsWith('/') ? files[fileName.slice(1)] : undefined;
  };
  const host: ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const known = isLib(fileName) ? libSources.get(fileName) : undefined;
      if (known) return known;
      const text = lookup(fileName);
      if (text === undefined) return undefined;
      const source = ts.createSourceFile(fileName, text, languageVersion, true);
      if (isLib(fileName)) libSources.set(fileName, source);
      return source;
    },
    getDefaultLibFileName: () => join(libDir, 'lib.es2023.d.ts'),
    getDefaultLibLocation: () => libDir,
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getDirectories: () => [],
    directoryExists: (dir) =>
      dir === '/' || Object.keys(files).some((file) => `/${file}`.startsWith(dir.endsWith('/') ? dir : `${dir}/`)),
    fileExists: (fileName) => lookup(fileName) !== undefined,
    readFile: lookup,
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
  };
  const program = ts.createProgram({ rootNames: roots.map((root) => `/${root}`), options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const file = diagnostic.file;
    const place = file && diagnostic.start !== undefined ? file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    return {
      file: file ? file.fileName.replace(/^\//, '') : '',
      line: place ? place.line + 1 : 0,
      column: place ? place.character + 1 : 0,
      code: compilerCode(diagnostic.code),
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
  });
}

parentPort?.on('message', ({ id, request }: { id: number; request: TypeCheckRequest }) => {
  parentPort?.postMessage({ id, diagnostics: typeCheck(request) });
});
