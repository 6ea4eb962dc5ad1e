import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './loadConfig';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('clamd configuration', () => {
  it('is off unless a socket or a host is given', () => {
    expect(loadConfig({}).clamd).toBeUndefined();
    expect(loadConfig({ CLAMD_SOCKET: '/run/clamav/clamd.ctl' }).clamd).toEqual({
      socket: '/run/clamav/clamd.ctl',
      timeoutMs: 30_000,
    });
    expect(loadConfig({ CLAMD_HOST: 'scanner.internal' }).clamd).toEqual({
      host: 'scanner.internal',
      port: 3310,
      timeoutMs: 30_000,
    });
    expect(loadConfig({ CLAMD_HOST: '10.0.0.5', CLAMD_PORT: '3311', CLAMD_TIMEOUT_SECONDS: '5' }).clamd).toEqual({
      host: '10.0.0.5',
      port: 3311,
      timeoutMs: 5_000,
    });
  });

  it('lists every bad value at once', () => {
    const message = problemsOf({ CLAMD_SOCKET: 'relative.sock', CLAMD_HOST: 'x', CLAMD_TIMEOUT_SECONDS: '0' });
    expect(message).toContain('CLAMD_SOCKET:');
    expect(message).toContain('CLAMD_TIMEOUT_SECONDS:');
    expect(message).toContain('只能配置其中一个');
    expect(problemsOf({ CLAMD_PORT: '3310' })).toContain('CLAMD_PORT: 需要同时配置 CLAMD_HOST');
    expect(problemsOf({ CLAMD_HOST: 'x', CLAMD_PORT: '70000' })).toContain('CLAMD_PORT: 应为 1-65535');
  });
});
