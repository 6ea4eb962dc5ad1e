import { normalizeIdNumber } from '@matterflow/schemas';
import { readerOf, type Call, type Db } from '../kernel';

/** A registered citizen: the applicant's particulars an application records. */
export interface CitizenView {
  userId: number;
  name: string;
  /** Normalised (uppercase X); mask it (maskIdNumber) wherever it is shown to anyone but its owner. */
  idNumber: string;
  phone: string;
}

interface CitizenRow {
  user_id: number;
  name: string;
  id_number: string;
  phone: string;
}

const toView = (row: CitizenRow): CitizenView => ({
  userId: Number(row.user_id),
  name: row.name,
  idNumber: row.id_number,
  phone: row.phone,
});

// The contract other modules were given is (deps, input); `call` is optional and last, and its
// transaction, when there is one, is read so that a caller sees what it wrote.
const NO_CALL = { actor: { kind: 'anonymous' } } as const satisfies Call;

/** The citizen profile of a user, or undefined when the user is not a registered citizen. */
export async function findCitizen(
  deps: { db: Db },
  { userId }: { userId: number },
  call: Call = NO_CALL,
): Promise<CitizenView | undefined> {
  const result = await readerOf(deps.db, call).query<CitizenRow>(
    'SELECT user_id, name, id_number, phone FROM citizens WHERE user_id = $1',
    [userId],
  );
  const row = result.rows[0];
  return row ? toView(row) : undefined;
}

/** The citizen registered with this 身份证号 (lowercase x and spaces are forgiven), or undefined. */
export async function findCitizenByIdNumber(
  deps: { db: Db },
  idNumber: string,
  call: Call = NO_CALL,
): Promise<CitizenView | undefined> {
  const result = await readerOf(deps.db, call).query<CitizenRow>(
    'SELECT user_id, name, id_number, phone FROM citizens WHERE id_number = $1',
    [normalizeIdNumber(idNumber)],
  );
  const row = result.rows[0];
  return row ? toView(row) : undefined;
}
