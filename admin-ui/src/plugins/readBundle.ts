/** The platform's body cap for an upload (docs/plugin-host.md): refused here before sending. */
export const MAX_BUNDLE_BYTES = 1024 * 1024;

export interface PluginBundle {
  manifest: { id?: unknown; version?: unknown } & Record<string, unknown>;
  files: Record<string, unknown>;
}

export type BundleRead = { ok: true; bundle: PluginBundle; id: string; version: string } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a packed `<id>-<version>.plugin.json` (the upload body `npm run plugin -- pack` writes)
 * from its text. Only the outer shape is checked here, so a clerk who picked the wrong file hears
 * it at once; the manifest, the types and the examples are the platform's check.
 */
export function readBundle(text: string, size: number): BundleRead {
  if (size > MAX_BUNDLE_BYTES) return { ok: false, message: '文件超过 1 MB，平台不接收；请检查是否打包了不必要的文件' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: '文件不是有效的 JSON：请上传 npm run plugin -- pack 生成的 .plugin.json 文件' };
  }
  if (!isObject(parsed) || !isObject(parsed.manifest) || !isObject(parsed.files))
    return { ok: false, message: '文件缺少 manifest 或 files：请上传 npm run plugin -- pack 生成的 .plugin.json 文件' };
  const { id, version } = parsed.manifest;
  return {
    ok: true,
    bundle: { manifest: parsed.manifest, files: parsed.files },
    id: typeof id === 'string' ? id : '（未写插件编号）',
    version: typeof version === 'string' ? version : '（未写版本号）',
  };
}
