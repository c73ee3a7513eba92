import { describe, expect, it } from 'vitest';
import { browserLabel, idleVerdict, shortenAddress } from './sessions';

const at = (s: string) => new Date(`2026-12-07T${s}Z`);

describe('idle rule', () => {
  it('keeps a session used within the idle time and writes its activity at most once a minute', () => {
    expect(idleVerdict(at('10:00:00'), at('10:00:59'), 120)).toBe('fresh');
    expect(idleVerdict(at('10:00:00'), at('10:01:00'), 120)).toBe('touch');
    expect(idleVerdict(at('10:00:00'), at('11:59:59'), 120)).toBe('touch');
  });

  it('ends a session idle for exactly the idle time or longer', () => {
    expect(idleVerdict(at('10:00:00'), at('12:00:00'), 120)).toBe('expired');
    expect(idleVerdict(at('10:00:00'), at('10:05:00'), 5)).toBe('expired');
    expect(idleVerdict(at('10:00:00'), at('10:04:59'), 5)).toBe('touch');
  });

  it('never ends a session because of a clock a little behind (last activity in the future)', () => {
    expect(idleVerdict(at('10:00:10'), at('10:00:00'), 1)).toBe('fresh');
  });
});

describe('what a session shows', () => {
  it('names common browsers and systems', () => {
    expect(browserLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox 128 · Windows');
    expect(browserLabel('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toBe('Chrome 131 · Linux');
    expect(browserLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe('Edge 131 · Windows');
    expect(browserLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari 17 · iOS');
    expect(browserLabel('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toBe('Safari 17 · macOS');
    expect(browserLabel('')).toBe('');
    expect(browserLabel('lightMyRequest')).toBe('');
  });

  it('keeps only the network of an address', () => {
    expect(shortenAddress('203.0.113.57')).toBe('203.0.113.x');
    expect(shortenAddress('::ffff:127.0.0.1')).toBe('127.0.0.x');
    expect(shortenAddress('2001:db8:1:2::5')).toBe('2001:db8:1::/48');
    expect(shortenAddress('::1')).toBe('0:0:0::/48');
    expect(shortenAddress('not an address')).toBe('');
  });
});
