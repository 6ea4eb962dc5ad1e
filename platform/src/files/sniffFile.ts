import { fileTypeFromFile } from 'file-type';
import { fail } from '../kernel';
import { FILE_KINDS, FORBIDDEN_KINDS, isFileKind, type FileKind } from './fileKinds';

/** Magic numbers checked on the first bytes ourselves, so a program is refused even where file-type's guess differs. */
const PROGRAM_MAGIC: readonly { kind: string; bytes: readonly number[] }[] = [
  { kind: 'script', bytes: [0x23, 0x21] }, // #!
  { kind: 'elf', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'exe', bytes: [0x4d, 0x5a] }, // MZ: DOS/PE
  { kind: 'macho', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { kind: 'macho', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { kind: 'macho', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { kind: 'macho', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: 'macho', bytes: [0xca, 0xfe, 0xba, 0xbe] }, // universal binary (and Java class files)
];

function programIn(head: Uint8Array): string | undefined {
  return PROGRAM_MAGIC.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte))?.kind;
}

/**
 * What the bytes are, never what the name or the upload's Content-Type say. A byte order mark or
 * leading spaces before `#!` do not make a script run, so only the very first bytes count.
 */
export async function sniffFile(
  file: { path: string; head: Uint8Array },
  accept: readonly string[],
): Promise<{ extension: FileKind; mediaType: string }> {
  const program = programIn(file.head);
  if (program) throw fail('FILE_TYPE_FORBIDDEN', { detected: program });
  let detected: string | undefined;
  try {
    detected = (await fileTypeFromFile(file.path))?.ext;
  } catch {
    // A file that breaks the parser (a truncated container, say) is of no kind we accept.
    detected = undefined;
  }
  if (detected !== undefined && FORBIDDEN_KINDS.has(detected)) throw fail('FILE_TYPE_FORBIDDEN', { detected });
  const accepted = accept.map((kind) => (kind === 'jpeg' ? 'jpg' : kind));
  if (detected === undefined || !isFileKind(detected) || !accepted.includes(detected))
    throw fail('FILE_TYPE_NOT_ALLOWED', { detected: detected ?? null, accept: [...accept] });
  return { extension: detected, mediaType: FILE_KINDS[detected] };
}
