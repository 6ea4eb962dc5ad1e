import { fail, type FieldIssue } from '../kernel';
import { BUNDLE_LIMITS, type PluginBundle } from './check/PluginCheckResult';

/** The manifest fields the host needs before the check can run: who owns it and what it serves. */
export interface BundleHead {
  id: string;
  version: string;
  major: number;
  departmentCode: string;
  description: string;
  matters: string[];
}

const { files: MAX_FILES, totalBytes: MAX_FILE_BYTES } = BUNDLE_LIMITS;
const ID = /^[a-z][a-z0-9-]{1,62}$/;
const VERSION = /^(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})$/;
const MATTER_CODE = /^[0-9A-Z]{18}[0-9A-Z]{1,18}$/;
const DEPARTMENT = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const PATH = /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9_./-]{1,200}$/;

const issue = (pointer: string, message: string, code = 'plugin.bundle_invalid'): FieldIssue => ({ pointer, code, message });

/**
 * Reads the head of a bundle and its files' caps, or throws PLUGIN_BUNDLE_INVALID with pointers.
 * Everything else of the manifest is the check's to judge: a bundle that fails there is still
 * stored (as a draft with the result), so its author can read why.
 */
export function readBundleHead(bundle: PluginBundle): BundleHead {
  const manifest = (typeof bundle.manifest === 'object' && bundle.manifest !== null ? bundle.manifest : {}) as Record<
    string,
    unknown
  >;
  const { files } = bundle;
  const issues: FieldIssue[] = [];
  const text = (key: string, pattern: RegExp, hint: string): string => {
    const value = manifest[key];
    if (typeof value === 'string' && pattern.test(value)) return value;
    issues.push(issue(`/manifest/${key}`, hint));
    return '';
  };
  const id = text('id', ID, '插件标识应为小写字母开头、由小写字母、数字和连字符组成（2 至 63 位）');
  const version = text('version', VERSION, '版本号应为“主版本.次版本.修订号”，如 1.0.0');
  const departmentCode = text('department', DEPARTMENT, '所属部门编码应为 18 位统一社会信用代码');
  const description = typeof manifest.description === 'string' ? manifest.description.slice(0, 500) : '';
  const matters = Array.isArray(manifest.matters) ? manifest.matters : [];
  if (matters.length === 0 || matters.length > 50) issues.push(issue('/manifest/matters', '应列出 1 至 50 个服务的事项'));
  matters.forEach((code, index) => {
    if (typeof code !== 'string' || !MATTER_CODE.test(code)) issues.push(issue(`/manifest/matters/${index}`, '应为事项实施编码'));
  });
  const paths = Object.keys(files);
  if (paths.length === 0 || paths.length > MAX_FILES) issues.push(issue('/files', `应有 1 至 ${MAX_FILES} 个源文件`));
  let bytes = 0;
  for (const path of paths) {
    const pointer = `/files/${path.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (!PATH.test(path)) issues.push(issue(pointer, '文件路径应为插件目录内的相对路径，不含 ..'));
    const source = files[path];
    if (typeof source !== 'string') issues.push(issue(pointer, '文件内容应为文本'));
    else bytes += Buffer.byteLength(source, 'utf8');
  }
  if (bytes > MAX_FILE_BYTES) issues.push(issue('/files', `源文件合计不能超过 ${MAX_FILE_BYTES / 1024} KiB`));
  if (issues.length > 0) throw fail('PLUGIN_BUNDLE_INVALID', issues);
  return {
    id,
    version,
    major: Number(version.split('.')[0]),
    departmentCode,
    description,
    matters: [...new Set(matters as string[])],
  };
}
