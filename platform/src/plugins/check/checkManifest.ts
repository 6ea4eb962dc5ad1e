import { createAjv, hookSchemas, HOOK_NAMES, metaSchemas, toFieldIssues, type HookName } from '@matterflow/schemas';
import type { PluginManifest } from './generated/PluginManifest';
import type { CheckDiagnostic, PluginBundle } from './PluginCheckResult';
import { BUNDLE_LIMITS, SDK_DIR } from './PluginCheckResult';
import { satisfiesRange } from './platformRange';
import type { MatterForms } from './renderFormTypes';

const MANIFEST = 'plugin.json';
const at = (pointer: string, code: string, message: string): CheckDiagnostic => ({
  file: MANIFEST,
  line: 0,
  column: 0,
  code,
  message,
  pointer,
});
const inFile = (file: string, code: string, message: string): CheckDiagnostic => ({ file, line: 0, column: 0, code, message });

let hookInputValidators: Map<HookName, ReturnType<ReturnType<typeof createAjv>['compile']>> | undefined;
function hookInputValidator(hook: HookName) {
  if (!hookInputValidators) {
    const ajv = createAjv();
    hookInputValidators = new Map(HOOK_NAMES.map((name) => [name, ajv.compile(structuredClone(hookSchemas[name].input))]));
  }
  return hookInputValidators.get(hook);
}

/** Files: at most 50 and 512 KiB in all, relative paths without `..`, and a `src/index.ts`. */
export function checkFiles(files: unknown): CheckDiagnostic[] {
  if (!files || typeof files !== 'object' || Array.isArray(files))
    return [inFile('', 'plugin.files_invalid', '上传内容缺少源文件（files）')];
  const entries = Object.entries(files as Record<string, unknown>);
  const problems: CheckDiagnostic[] = [];
  if (entries.length > BUNDLE_LIMITS.files)
    problems.push(inFile('', 'plugin.too_many_files', `源文件不得超过 ${BUNDLE_LIMITS.files} 个`));
  let bytes = 0;
  for (const [path, text] of entries) {
    if (typeof text !== 'string') {
      problems.push(inFile(path, 'plugin.file_not_text', '源文件内容应为文本'));
      continue;
    }
    bytes += Buffer.byteLength(text) + Buffer.byteLength(path);
    const segments = path.split('/');
    if (
      !/^[A-Za-z0-9_.\-/]{1,200}$/.test(path) ||
      path.startsWith('/') ||
      segments.some((segment) => segment === '..' || segment === '.' || segment === '')
    )
      problems.push(
        inFile(path, 'plugin.file_path', '文件路径应为插件目录内的相对路径，只含字母、数字、点、连字符和下划线，不得含“..”'),
      );
    else if (segments[0] === SDK_DIR) problems.push(inFile(path, 'plugin.file_path', `“${SDK_DIR}”目录由平台提供，插件不得自带`));
  }
  if (bytes > BUNDLE_LIMITS.totalBytes)
    problems.push(inFile('', 'plugin.bundle_too_large', `源文件合计不得超过 ${BUNDLE_LIMITS.totalBytes / 1024} KiB`));
  if (typeof (files as Record<string, unknown>)['src/index.ts'] !== 'string')
    problems.push(inFile('src/index.ts', 'plugin.entry_missing', '缺少入口文件 src/index.ts（须导出 plugin）'));
  return problems;
}

export type ManifestCheck = { ok: true; manifest: PluginManifest } | { ok: false; diagnostics: CheckDiagnostic[] };

/**
 * The manifest against plugin.schema.json, then what a schema cannot say: the platform range holds
 * for this platform, every matter is the department's own and its form is known, every example
 * names a declared hook and gives that hook a valid input.
 */
export function checkManifest(bundle: PluginBundle, forms: MatterForms, platformVersion: string): ManifestCheck {
  const validate = metaSchemas().plugin;
  const diagnostics = checkFiles(bundle.files);
  if (!validate(bundle.manifest)) {
    for (const issue of toFieldIssues(validate.errors)) diagnostics.push(at(issue.pointer, issue.code, issue.message));
    return { ok: false, diagnostics };
  }
  const manifest = bundle.manifest as PluginManifest;
  if (!satisfiesRange(platformVersion, manifest.platform))
    diagnostics.push(
      at('/platform', 'plugin.platform_range', `插件适用的平台版本 ${manifest.platform} 不包括当前平台版本 ${platformVersion}`),
    );
  manifest.matters.forEach((code, index) => {
    if (!code.startsWith(manifest.department))
      diagnostics.push(
        at(
          `/matters/${index}`,
          'plugin.matter_not_own',
          `事项 ${code} 不是本部门（${manifest.department}）的事项，插件只能服务本部门的事项`,
        ),
      );
    else if (forms[code] === undefined)
      diagnostics.push(at(`/matters/${index}`, 'plugin.matter_unknown', `找不到事项 ${code} 的表单，请确认该事项已发布`));
  });
  const narrowerInputs = new Map<string, ReturnType<ReturnType<typeof createAjv>['compile']>>();
  for (const [hook, spec] of Object.entries(manifest.hooks))
    for (const side of ['input', 'output'] as const) {
      const schema = spec[side];
      if (!schema) continue;
      // The host compiles a narrower output schema on the version's first call: it must compile now.
      try {
        const compiled = createAjv().compile(structuredClone(schema));
        if (side === 'input') narrowerInputs.set(hook, compiled);
      } catch (error) {
        diagnostics.push(
          at(
            `/hooks/${hook}/${side}`,
            'plugin.hook_schema_invalid',
            `钩子 ${hook} 的${side === 'input' ? '输入' : '输出'}模式无效：${(error as Error).message}`,
          ),
        );
      }
    }
  (manifest.examples ?? []).forEach((example, index) => {
    const hook = example.hook as HookName;
    const narrower = narrowerInputs.get(hook);
    if (narrower && !narrower(example.input))
      for (const issue of toFieldIssues(narrower.errors, `/examples/${index}/input`))
        diagnostics.push(
          at(issue.pointer, issue.code, `示例“${example.name}”的输入不符合插件为 ${hook} 声明的输入模式：${issue.message}`),
        );
    if (!(hook in manifest.hooks))
      diagnostics.push(
        at(
          `/examples/${index}/hook`,
          'plugin.example_hook_undeclared',
          `示例“${example.name}”用的钩子 ${hook} 未在 hooks 中声明`,
        ),
      );
    const validateInput = hookInputValidator(hook);
    if (validateInput && !validateInput(example.input))
      for (const issue of toFieldIssues(validateInput.errors, `/examples/${index}/input`))
        diagnostics.push(
          at(issue.pointer, issue.code, `示例“${example.name}”的输入不符合 ${hook} 钩子的输入格式：${issue.message}`),
        );
  });
  diagnostics.push(...checkDeclaredOptions(manifest));
  const names = (manifest.examples ?? []).map((example) => example.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index)
      diagnostics.push(at(`/examples/${index}/name`, 'plugin.example_name_duplicate', `示例名称“${name}”重复`));
  });
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, manifest };
}

/**
 * The options schema compiles (the host compiles it on a version's first call), and the defaults
 * and every example's options fit it; without a schema no example may bring options.
 */
function checkDeclaredOptions(manifest: PluginManifest): CheckDiagnostic[] {
  const declared = manifest.options;
  const examples = manifest.examples ?? [];
  if (!declared)
    return examples.flatMap((example, index) =>
      example.options && Object.keys(example.options).length > 0
        ? [
            at(
              `/examples/${index}/options`,
              'plugin.options_undeclared',
              `示例“${example.name}”给了选项，但清单没有声明选项（options）`,
            ),
          ]
        : [],
    );
  let validate: ReturnType<ReturnType<typeof createAjv>['compile']>;
  try {
    validate = createAjv().compile(structuredClone(declared.schema));
  } catch (error) {
    return [at('/options/schema', 'plugin.options_schema_invalid', `选项模式无效：${(error as Error).message}`)];
  }
  const problems: CheckDiagnostic[] = [];
  const hold = (value: unknown, pointer: string, what: string) => {
    if (!validate(value))
      for (const issue of toFieldIssues(validate.errors, pointer))
        problems.push(at(issue.pointer, 'plugin.options_invalid', `${what}不符合清单的选项模式：${issue.message}`));
  };
  hold(declared.defaults ?? {}, '/options/defaults', '默认选项');
  examples.forEach((example, index) => {
    if (example.options) hold(example.options, `/examples/${index}/options`, `示例“${example.name}”的选项`);
  });
  return problems;
}
