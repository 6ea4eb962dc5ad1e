import { IMPORT_LIMITS } from './importLimits';

/**
 * Reads a zip's central directory without inflating anything, so that a zip bomb or a file that
 * is no zip at all is refused before exceljs allocates memory for it. Returns a reason in Chinese,
 * or undefined when the archive is within limits. Zip64 is refused: no xlsx we accept needs it.
 */
export function inspectZip(bytes: Uint8Array): string | undefined {
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
  let at = directoryOffset;
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return '文件已损坏：zip 目录条目无效';
    const uncompressed = view.getUint32(at + 24, true);
    if (uncompressed === 0xffffffff) return '不支持 zip64 格式的文件';
    total += uncompressed;
    if (total > IMPORT_LIMITS.maxUncompressedBytes)
      return `文件解压后过大（超过 ${IMPORT_LIMITS.maxUncompressedBytes / 1024 / 1024} MB）`;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return undefined;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}
