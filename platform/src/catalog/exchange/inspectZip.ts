import { createInflateRaw } from 'node:zlib';
import { IMPORT_LIMITS } from './importLimits';

const STORED = 0;
const DEFLATED = 8;

/**
 * Checks a zip before exceljs inflates it, so that a zip bomb or a file that is no zip at all is
 * refused while memory is still small. The sizes an archive declares are not trusted: every entry
 * is actually inflated, streaming and discarding the output, and the archive is refused as soon as
 * an entry yields more than it declares or the archive more than `maxUncompressedBytes`.
 * Returns a reason in Chinese, or undefined when the archive is within limits. Zip64 is refused:
 * no xlsx we accept needs it.
 */
export async function inspectZip(
  bytes: Uint8Array,
  { maxUncompressedBytes = IMPORT_LIMITS.maxUncompressedBytes }: { maxUncompressedBytes?: number } = {},
): Promise<string | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22 || view.getUint32(0, true) !== 0x04034b50) return '文件不是 xlsx（zip）格式';
  const end = findEndOfCentralDirectory(view);
  if (end < 0) return '文件已损坏：找不到 zip 目录';
  const entries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return '不支持 zip64 格式的文件';
  if (entries > IMPORT_LIMITS.maxZipEntries) return `文件包含的条目过多（${entries}）`;
  if (directoryOffset + directorySize > bytes.byteLength) return '文件已损坏：zip 目录越界';
  const tooLarge = `文件解压后过大（超过 ${Math.round(maxUncompressedBytes / 1024 / 1024)} MB）`;
  let at = directoryOffset;
  let remaining = maxUncompressedBytes;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return '文件已损坏：zip 目录条目无效';
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const declared = view.getUint32(at + 24, true);
    const localOffset = view.getUint32(at + 42, true);
    if (declared === 0xffffffff || compressed === 0xffffffff || localOffset === 0xffffffff) return '不支持 zip64 格式的文件';
    if (method !== STORED && method !== DEFLATED) return '文件使用了不支持的压缩方式';
    if (declared > remaining) return tooLarge;
    const data = entryData(bytes, view, localOffset, compressed);
    if (!data) return '文件已损坏：zip 条目越界';
    // An entry may not yield more than it declares; the declared sizes are within the budget.
    const limit = Math.min(declared, remaining);
    const actual = method === STORED ? data.byteLength : await inflatedSize(data, limit);
    if (actual === undefined) return '文件已损坏：zip 条目无法解压';
    if (actual > limit) return actual > remaining ? tooLarge : '文件已损坏：zip 条目的实际大小与目录不符';
    remaining -= actual;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return undefined;
}

function entryData(bytes: Uint8Array, view: DataView, localOffset: number, compressed: number): Uint8Array | undefined {
  if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== 0x04034b50) return undefined;
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressed > bytes.byteLength) return undefined;
  return bytes.subarray(start, start + compressed);
}

/**
 * Inflates `data` and counts the output without keeping it; stops one byte past `limit`.
 * Undefined when the stream is not valid deflate data.
 */
function inflatedSize(data: Uint8Array, limit: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let isSettled = false;
    const settle = (value: number | undefined) => {
      if (isSettled) return;
      isSettled = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) settle(total);
    });
    inflate.on('error', () => settle(undefined));
    inflate.on('end', () => settle(total));
    inflate.end(data);
  });
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}
