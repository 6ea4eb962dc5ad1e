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

describe('loadConfig', () => {
  it('keeps a demo server on this machine unless HOST says otherwise', () => {
    expect(loadConfig({})).toMatchObject({ isDemo: true, host: '127.0.0.1' });
    expect(loadConfig({ MATTERFLOW_DEMO: 'true' })).toMatchObject({ isDemo: true, host: '127.0.0.1' });
    expect(loadConfig({ HOST: '' })).toMatchObject({ isDemo: true, host: '127.0.0.1' });
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ isDemo: true, host: '0.0.0.0' });
  });

  it('listens on every interface in production and without demo accounts, and honours HOST there too', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ isProduction: true, isDemo: false, host: '0.0.0.0' });
    expect(loadConfig({ MATTERFLOW_DEMO: 'false' })).toMatchObject({ isDemo: false, host: '0.0.0.0' });
    expect(loadConfig({ NODE_ENV: 'production', HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('reads MATTERFLOW_DEMO=%s as %s', (raw, isDemo) => {
    expect(loadConfig({ MATTERFLOW_DEMO: raw }).isDemo).toBe(isDemo);
  });

  it('reads the session lifetimes and the trusted proxy', () => {
    expect(loadConfig({ SESSION_MINUTES: '45', SESSION_MAX_HOURS: '3' })).toMatchObject({
      sessionMinutes: 45,
      sessionMaxMinutes: 180,
    });
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.1']);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('reads how long the plugin sandbox spins, 0 turning it off, and refuses what is not a count', () => {
    expect(loadConfig({}).pluginSpinMicros).toBe(300);
    expect(loadConfig({ PLUGIN_SPIN_MICROS: '0' }).pluginSpinMicros).toBe(0);
    expect(problemsOf({ PLUGIN_SPIN_MICROS: '-1' })).toContain('PLUGIN_SPIN_MICROS');
    expect(problemsOf({ PLUGIN_SPIN_MICROS: '100000' })).toContain('PLUGIN_SPIN_MICROS');
  });

  it('names every bad value in one ConfigError', () => {
    const message = problemsOf({
      SESSION_MINUTES: '-5',
      SESSION_MAX_HOURS: '0',
      MATTERFLOW_DEMO: 'maybe',
      PORT: '99999',
      NODE_ENV: 'staging',
      BODY_LIMIT: 'lots',
      DATABASE_URL: 'mysql://db/matterflow',
    });
    for (const name of [
      'SESSION_MINUTES',
      'SESSION_MAX_HOURS',
      'MATTERFLOW_DEMO',
      'PORT',
      'NODE_ENV',
      'BODY_LIMIT',
      'DATABASE_URL',
    ]) {
      expect(message).toContain(`${name}:`);
    }
    expect(message).toContain('"-5"');
    expect(message).toContain('"maybe"');
    expect(message).toContain('"99999"');
    expect(message.split('\n')).toHaveLength(1 + 7);
  });

  it('refuses demo accounts in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', MATTERFLOW_DEMO: 'yes' })).toContain('MATTERFLOW_DEMO');
  });

  it('treats empty and blank values as unset', () => {
    expect(loadConfig({ PORT: '', SESSION_MINUTES: '  ' })).toMatchObject({ port: 3000, sessionMinutes: 480 });
  });
});
