import type { Queryable } from '../kernel';
import type { FileView, ScanState } from './FileView';

export interface FileRecord extends FileView {
  ownerUserId: number;
}

interface FileRow {
  id: string;
  owner_user_id: number;
  sha256: string;
  size_bytes: string | number;
  media_type: string;
  extension: string;
  original_name: string;
  scan_status: ScanState;
}

const COLUMNS = 'id, owner_user_id, sha256, size_bytes, media_type, extension, original_name, scan_status';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

const recordOf = (row: FileRow): FileRecord => ({
  id: row.id,
  name: row.original_name,
  size: Number(row.size_bytes),
  mediaType: row.media_type,
  extension: row.extension,
  sha256: row.sha256,
  scan: row.scan_status,
  ownerUserId: row.owner_user_id,
});

export async function insertFile(
  q: Queryable,
  file: FileRecord & { scanSignature: string | null; scannedAt: Date | null; createdAt: Date; purpose: object },
): Promise<void> {
  await q.query(
    `INSERT INTO files (id, owner_user_id, sha256, size_bytes, media_type, extension, original_name,
                        scan_status, scan_signature, scanned_at, created_at, purpose)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      file.id,
      file.ownerUserId,
      file.sha256,
      file.size,
      file.mediaType,
      file.extension,
      file.name,
      file.scan,
      file.scanSignature,
      file.scannedAt,
      file.createdAt,
      JSON.stringify(file.purpose),
    ],
  );
}

/** The rows among `ids` that exist, in the order asked; malformed ids are simply not found. */
export async function findFiles(q: Queryable, ids: readonly string[]): Promise<FileRecord[]> {
  const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return [];
  const result = await q.query<FileRow>(`SELECT ${COLUMNS} FROM files WHERE id = ANY($1::uuid[])`, [wanted]);
  const byId = new Map(result.rows.map((row) => [row.id, recordOf(row)]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

/** Which of these contents some row still points at. */
export async function referencedContents(q: Queryable, sha256s: readonly string[]): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const result = await q.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM files WHERE sha256 = ANY($1::text[])', [sha256s]);
  return new Set(result.rows.map((row) => row.sha256));
}
