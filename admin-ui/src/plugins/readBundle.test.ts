import { describe, expect, it } from 'vitest';
import { failureRate } from './pluginWords';
import { MAX_BUNDLE_BYTES, readBundle } from './readBundle';

describe('reading a packed plugin in the browser', () => {
  it('takes the upload body with its id and version', () => {
    const text = JSON.stringify({ manifest: { id: 'id-check', version: '1.0.0' }, files: { 'src/index.ts': 'x' } });
    expect(readBundle(text, text.length)).toMatchObject({ ok: true, id: 'id-check', version: '1.0.0' });
  });

  it('refuses what is not a packed plugin, saying what to upload instead', () => {
    expect(readBundle('{"manifest":', 12)).toMatchObject({ ok: false, message: expect.stringContaining('不是有效的 JSON') });
    expect(readBundle('[]', 2)).toMatchObject({ ok: false, message: expect.stringContaining('缺少 manifest 或 files') });
    expect(readBundle('{"manifest":{},"files":[]}', 26)).toMatchObject({ ok: false });
    expect(readBundle('{}', MAX_BUNDLE_BYTES + 1)).toMatchObject({ ok: false, message: expect.stringContaining('超过 1 MB') });
  });

  it('leaves a manifest without id or version to the platform’s check', () => {
    expect(readBundle('{"manifest":{},"files":{}}', 26)).toMatchObject({ ok: true, id: '（未写插件编号）' });
  });
});

describe('failure rate in words', () => {
  it('is a dash before the first call and a percentage after', () => {
    expect(failureRate({ calls: 0, failures: 0 })).toBe('—');
    expect(failureRate({ calls: 400, failures: 1 })).toBe('0.3%');
    expect(failureRate({ calls: 10, failures: 5 })).toBe('50%');
    expect(failureRate({ calls: 10, failures: 0 })).toBe('0%');
  });
});
