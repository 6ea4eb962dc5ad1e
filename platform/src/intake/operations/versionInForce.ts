import {
  documentAudience,
  getCurrentMatter,
  getVersionInForce,
  isFrozenVersion,
  type MatterDocument,
  type MatterVersion,
} from '../../catalog';
import { BoundedCache, isDomainError, type Call } from '../../kernel';
import type { IntakeDeps } from '../intakeDeps';

// A frozen version's document never changes under its number, so it is read once per process and
// needs no invalidation, only a bound (as the compiled forms). Whether it is still in force is
// asked every time. Keyed by audience too: staff's document has the private note, the public's not.
const documents = new BoundedCache<MatterDocument>(200);

const documentKey = (code: string, version: number, call: Call) => `${code}:${version}:${documentAudience(call.actor)}`;

/** Frozen all the way down: one object now serves every request, none may change it for the next. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

async function readCurrent(deps: IntakeDeps, call: Call, code: string): Promise<MatterVersion | undefined> {
  try {
    return await getCurrentMatter(deps, call, { code });
  } catch (error) {
    if (isDomainError(error) && (error.code === 'MATTER_NOT_FOUND' || error.code === 'MATTER_NOT_IN_FORCE')) return undefined;
    throw error;
  }
}

/**
 * The version of `code` in force today (undefined: none), read in `call`'s transaction if it has
 * one. The version row is read every time, without its document (about 19 KB of JSON for 食品经营许可,
 * most of that statement's cost); the document comes from memory after its first read.
 */
export async function versionInForce(deps: IntakeDeps, call: Call, code: string): Promise<MatterVersion | undefined> {
  const header = await getVersionInForce(deps, call, { code });
  if (!header) return undefined;
  const document = documents.get(documentKey(code, header.version, call));
  if (document) return { ...header, document };
  const read = await readCurrent(deps, call, code);
  if (read && isFrozenVersion(read, deps.clock.today()))
    documents.set(documentKey(code, read.version, call), deepFreeze(read.document));
  return read;
}
