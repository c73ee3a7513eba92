import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';

const env = (TRUST_PROXY?: string) => ({ DATA_DIR: '/tmp/rf-config-test', SESSION_SECRET: 'x'.repeat(32), ...(TRUST_PROXY !== undefined ? { TRUST_PROXY } : {}) });

describe('TRUST_PROXY', () => {
  it('is off by default', () => {
    expect(loadConfig(env()).trustProxy).toBe(false);
    expect(loadConfig(env('')).trustProxy).toBe(false);
    expect(loadConfig(env('false')).trustProxy).toBe(false);
  });

  it('takes true, a number of hops, or a comma list of addresses and CIDRs', () => {
    expect(loadConfig(env('true')).trustProxy).toBe(true);
    expect(loadConfig(env('1')).trustProxy).toBe(1);
    expect(loadConfig(env('10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback')).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses anything else with a clear message', () => {
    for (const bad of ['yes', '10.0.0.300', '10.0.0.0/33', 'proxy.example.org', ',']) {
      expect(() => loadConfig(env(bad)), bad).toThrow(/TRUST_PROXY/);
    }
  });
});
