import { checkIdNumber, maskIdNumber, normalizeIdNumber, PHONE_PATTERN } from '@matterflow/schemas';
import { fail, inTransaction, isDomainError, type Call, type Clock, type Db, type FieldIssue, type Queryable } from '../kernel';
import { recordAudit } from '../audit';
import { MAX_PASSWORD_LENGTH } from './createUser';
import { hashPassword } from './hashPassword';
import type { LoginResult } from './login';
import { UNKNOWN_ADDRESS } from './reserveLoginAttempt';
import { reserveRegistrationAttempt } from './reserveRegistrationAttempt';
import type { SessionSettings } from './SessionSettings';
import { startSession } from './startSession';
import { toActor, toUserView, type UserView } from './userStore';

export interface NewCitizen {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

/** Citizens choose their own password on a phone: shorter than staff's, but not a number. */
export const MIN_CITIZEN_PASSWORD_LENGTH = 8;
const MIN_NAME_LENGTH = 2;
const MAX_NAME_LENGTH = 50;
/** Chinese names; the 间隔号 joins the parts of many minority and transliterated names (阿依古丽·买买提). */
const HAN_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
/** Names on foreign passports and permits, in Latin letters. */
const LATIN_NAME = /^[A-Za-z]+(?:[ ·.'-][A-Za-z]+)*$/;
/** What phone keyboards and input methods type for the 间隔号. */
const DOT_VARIANTS = /[•・‧∙．]/g;

/** Forgives what a phone keyboard adds: spaces, a lowercase x, another 间隔号. */
export function normalizeCitizen(input: NewCitizen): NewCitizen {
  return {
    name: input.name.normalize('NFC').trim().replace(DOT_VARIANTS, '·'),
    idNumber: normalizeIdNumber(input.idNumber),
    phone: input.phone.replace(/[\s-]/g, ''),
    password: input.password,
  };
}

function passwordIssue(password: string, idNumber: string): Omit<FieldIssue, 'pointer'> | undefined {
  if (password.length < MIN_CITIZEN_PASSWORD_LENGTH) {
    return { code: 'user.password_too_short', message: `密码至少 ${MIN_CITIZEN_PASSWORD_LENGTH} 个字符` };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { code: 'user.password_too_long', message: `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符` };
  }
  // The user name itself, then what a guesser tries next: a birthday or a phone number.
  if (normalizeIdNumber(password) === idNumber) {
    return { code: 'citizen.password_is_id_number', message: '密码不能与身份证号相同' };
  }
  if (/^\d+$/.test(password)) return { code: 'citizen.password_digits_only', message: '密码不能全是数字，请加入字母或符号' };
  return undefined;
}

/** Every problem at once, each at its field, so the form can show them all beside their inputs. */
export function checkCitizen(input: NewCitizen, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const nameLength = [...input.name].length;
  if (
    nameLength < MIN_NAME_LENGTH ||
    nameLength > MAX_NAME_LENGTH ||
    !(HAN_NAME.test(input.name) || LATIN_NAME.test(input.name))
  ) {
    issues.push({
      pointer: '/name',
      code: 'citizen.name',
      message: `请填写与身份证一致的姓名（${MIN_NAME_LENGTH}–${MAX_NAME_LENGTH} 个字，少数民族姓名可用“·”分隔）`,
    });
  }
  const idIssue = checkIdNumber(input.idNumber, today);
  if (idIssue) issues.push({ pointer: '/idNumber', ...idIssue });
  if (!PHONE_PATTERN.test(input.phone)) {
    issues.push({ pointer: '/phone', code: 'citizen.phone', message: '请填写 11 位手机号码' });
  }
  const password = passwordIssue(input.password, input.idNumber);
  if (password) issues.push({ pointer: '/password', ...password });
  return issues;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505' && !isDomainError(error);
}

/**
 * The citizen's user and profile with its audit entry, inside the caller's transaction; CITIZEN_EXISTS
 * when the number is known. `citizen` is normalised and checked (checkCitizen) by the caller.
 */
export async function insertCitizen(
  deps: { clock: Clock },
  call: Call & { tx: Queryable },
  citizen: NewCitizen,
  passwordHash: string,
): Promise<UserView> {
  const { tx } = call;
  const known = await tx.query('SELECT 1 FROM citizens WHERE id_number = $1 UNION ALL SELECT 1 FROM users WHERE username = $1', [
    citizen.idNumber,
  ]);
  if (known.rows.length > 0) throw fail('CITIZEN_EXISTS');
  const now = deps.clock.now();
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO users (username, display_name, password_hash, role, department_code, created_at)
     VALUES ($1, $2, $3, 'citizen', NULL, $4) RETURNING id`,
    [citizen.idNumber, citizen.name, passwordHash, now],
  );
  const id = Number(inserted.rows[0]?.id);
  await tx.query('INSERT INTO citizens (user_id, name, id_number, phone, created_at) VALUES ($1, $2, $3, $4, $5)', [
    id,
    citizen.name,
    citizen.idNumber,
    citizen.phone,
    now,
  ]);
  const user = toUserView({
    id,
    username: citizen.idNumber,
    display_name: citizen.name,
    role: 'citizen',
    department_code: null,
    department_name: null,
  });
  await recordAudit(
    deps,
    { actor: toActor(user), ip: call.ip, tx },
    {
      action: 'citizen.register',
      targetType: 'user',
      targetId: String(id),
      details: { idNumber: maskIdNumber(citizen.idNumber) },
    },
  );
  return user;
}

/**
 * Registers a citizen and logs them in: a user with role 'citizen' whose user name is the
 * normalised 身份证号 (so the ordinary login works with it), its profile, the audit entry (the
 * number masked) and the session commit together. A known number answers CITIZEN_EXISTS; the
 * attempts that get as far as asking are limited per address (reserveRegistrationAttempt).
 */
export async function registerCitizen(
  deps: { db: Db; clock: Clock; sessions: SessionSettings },
  call: Call,
  input: NewCitizen,
): Promise<LoginResult> {
  const citizen = normalizeCitizen(input);
  const issues = checkCitizen(citizen, deps.clock.today());
  if (issues.length > 0) throw fail('VALIDATION_FAILED', issues);
  await reserveRegistrationAttempt(deps.db, { ip: call.ip ?? UNKNOWN_ADDRESS, now: deps.clock.now() });

  // Hashing is slow on purpose; do it before the transaction holds any lock.
  const passwordHash = await hashPassword(citizen.password);
  try {
    return await inTransaction(deps.db, call, async (tx) => {
      const user = await insertCitizen(deps, { ...call, tx }, citizen, passwordHash);
      const session = await startSession(deps, { ...call, tx }, user);
      return { ...session, user };
    });
  } catch (error) {
    // Two registrations of one number at once: the unique index decides.
    if (isUniqueViolation(error)) throw fail('CITIZEN_EXISTS');
    throw error;
  }
}
