import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/getJson';
import { createSubmitter, newIdempotencyKey } from './createSubmitter';

function counterKeys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('createSubmitter', () => {
  it('sends the same key again after a network failure or a 5xx, so a stored submission is not made twice', async () => {
    const seen: string[] = [];
    const answers = [new ApiError(0, 'NETWORK', '网络'), new ApiError(503, 'UNAVAILABLE', '忙'), 'ok'];
    const submit = createSubmitter(async (key) => {
      seen.push(key);
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    }, counterKeys());
    await expect(submit()).rejects.toThrow('网络');
    await expect(submit()).rejects.toThrow('忙');
    expect(await submit()).toBe('ok');
    expect(seen).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('starts a new attempt with a new key after a success or a refusal to fix', async () => {
    const seen: string[] = [];
    let refuse = true;
    const submit = createSubmitter(async (key) => {
      seen.push(key);
      if (refuse) throw new ApiError(422, 'APPLICATION_INVALID', '材料不全');
      return key;
    }, counterKeys());
    await expect(submit()).rejects.toThrow('材料不全');
    refuse = false;
    await submit();
    await submit();
    expect(seen).toEqual(['key-1', 'key-2', 'key-3']);
  });
});

describe('newIdempotencyKey', () => {
  it('is a version 4 UUID', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
