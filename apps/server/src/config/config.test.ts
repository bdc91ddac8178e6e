import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('settings', () => {
  it('serves this machine only and trusts no proxy unless told', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '  ' }).trustProxy).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0', TRUST_PROXY: ' 10.0.0.10, 10.1.0.0/16 ' })).toMatchObject({
      host: '0.0.0.0',
      trustProxy: '10.0.0.10, 10.1.0.0/16',
    });
  });

  it('refuses a setting it cannot read, naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
