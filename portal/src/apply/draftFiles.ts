import type { Draft, FileView } from '../api/intakeApi';

/** Material id → the files in its slot. */
export type SlotFiles = Record<string, FileView[]>;

/** The draft's files per material, whether the platform answered with file ids (and a file list) or files. */
export function slotFilesOf(draft: Pick<Draft, 'materials' | 'files'>): SlotFiles {
  const known = new Map((draft.files ?? []).map((file) => [file.id, file]));
  const out: SlotFiles = {};
  for (const [materialId, entries] of Object.entries(draft.materials ?? {})) {
    out[materialId] = entries.map((entry) =>
      typeof entry === 'string'
        ? (known.get(entry) ?? {
            id: entry,
            name: '已上传的文件',
            size: 0,
            mediaType: '',
            extension: '',
            sha256: '',
            scan: 'unscanned',
          })
        : entry,
    );
  }
  return out;
}

/** What the draft saves: file ids only. */
export function slotFileIds(files: SlotFiles): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([, list]) => list.length > 0)
      .map(([materialId, list]) => [materialId, list.map((file) => file.id)]),
  );
}
