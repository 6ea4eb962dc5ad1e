/**
 * The kinds of file the platform ever keeps, by the extension file-type sniffs from the bytes, with
 * the media type they are served as. A material's `accept` narrows this list; it can never widen it.
 * (docx and xlsx are zip containers: file-type looks inside and names them, so they are not archives.)
 */
export const FILE_KINDS = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type FileKind = keyof typeof FILE_KINDS;

export const isFileKind = (extension: string): extension is FileKind => Object.hasOwn(FILE_KINDS, extension);

/**
 * What is refused whatever a material accepts: programs, scripts and archives (an archive hides
 * what is inside it from the type check, and office files with macros carry programs).
 */
export const FORBIDDEN_KINDS: ReadonlySet<string> = new Set([
  // executables and code
  'exe',
  'elf',
  'macho',
  'wasm',
  'class',
  'swf',
  'lnk',
  'reg',
  'jar',
  'apk',
  'crx',
  'xpi',
  'asar',
  'docm',
  'dotm',
  'xlsm',
  'xltm',
  'pptm',
  'potm',
  'ppsm',
  // archives and compressed streams
  'zip',
  'tar',
  'tar.gz',
  'rar',
  'gz',
  'bz2',
  '7z',
  'xz',
  'lz',
  'lzh',
  'lz4',
  'zst',
  'Z',
  'cab',
  'deb',
  'rpm',
  'ar',
  'cpio',
  'arj',
  'ace',
  'dmg',
]);
