import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './hashPassword';

describe('hashPassword', () => {
  it('stores scrypt parameters, a 16-byte salt and the key in base64', async () => {
    const stored = await hashPassword('matterflow-demo');
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('同一个密码-2026')).not.toBe(await hashPassword('同一个密码-2026'));
  });

  it('verifies the right password and rejects others', async () => {
    const stored = await hashPassword('政务服务-correct-horse');
    expect(await verifyPassword('政务服务-correct-horse', stored)).toBe(true);
    expect(await verifyPassword('政务服务-correct-hors', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats composed and decomposed Unicode the same', async () => {
    const stored = await hashPassword('café-password-1');
    expect(await verifyPassword('cafe\u0301-password-1', stored)).toBe(true);
  });

  it('never matches a malformed or hostile stored hash', async () => {
    const stored = await hashPassword('matterflow-demo');
    const parts = stored.split('$');
    for (const bad of [
      '',
      'plain-text-password',
      `bcrypt$${parts.slice(1).join('$')}`,
      ['scrypt', '1000', ...parts.slice(2)].join('$'),
      ['scrypt', String(1 << 24), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), ''].join('$'),
      `${stored}$extra`,
    ]) {
      expect(await verifyPassword('matterflow-demo', bad), bad).toBe(false);
    }
  });
});
