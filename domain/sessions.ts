/**
 * Rules for sessions, without I/O: when an idle session ends, when its last activity is written, and the
 * little a person needs to recognise a session of theirs (browser, network) — nothing more is kept.
 */
import { isIP } from 'node:net';

export const DEFAULT_IDLE_MINUTES = 120;
/** Last activity is written at most this often per session, so that reading pages costs no write each time. */
export const TOUCH_EVERY_MS = 60_000;

export type IdleVerdict = 'expired' | 'touch' | 'fresh';

/**
 * `expired` once the session has been idle for `idleMinutes` or longer; `touch` when its recorded last
 * activity is a minute old or older (write it now); else `fresh`. As the record can lag up to a minute
 * behind, a session may end up to a minute early — never late.
 */
export function idleVerdict(lastActiveAt: Date, now: Date, idleMinutes: number): IdleVerdict {
  const idle = now.getTime() - lastActiveAt.getTime();
  if (idle >= idleMinutes * 60_000) return 'expired';
  return idle >= TOUCH_EVERY_MS ? 'touch' : 'fresh';
}

/** "Firefox 128 · Windows" from a User-Agent; unknown parts are left out, an empty result means unknown. */
export function browserLabel(userAgent: string): string {
  const ua = userAgent;
  const version = (re: RegExp) => ua.match(re)?.[1];
  let browser: string | undefined;
  const pick = (name: string, re: RegExp) => {
    const v = version(re);
    if (!browser && v !== undefined) browser = `${name} ${v}`;
  };
  pick('Edge', /Edg(?:e|A|iOS)?\/(\d+)/);
  pick('Opera', /OPR\/(\d+)/);
  pick('Samsung Internet', /SamsungBrowser\/(\d+)/);
  pick('Firefox', /(?:Firefox|FxiOS)\/(\d+)/);
  pick('Chrome', /(?:Chrome|CriOS)\/(\d+)/);
  pick('Safari', /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//);
  if (!browser && /curl\//i.test(ua)) browser = 'curl';
  const os = /Windows/.test(ua) ? 'Windows'
    : /Android/.test(ua) ? 'Android'
    : /iPhone|iPad|iPod/.test(ua) ? 'iOS'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /CrOS/.test(ua) ? 'ChromeOS'
    : /Linux/.test(ua) ? 'Linux'
    : undefined;
  return [browser, os].filter(Boolean).join(' · ');
}

/** The client's network instead of its address: IPv4 /24 ("203.0.113.x"), IPv6 /48 ("2001:db8:1::/48"). */
export function shortenAddress(address: string): string {
  const a = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const kind = isIP(a);
  if (kind === 4) return `${a.split('.').slice(0, 3).join('.')}.x`;
  if (kind === 6) {
    const [head, tail = ''] = a.split('::');
    const headParts = head ? head.split(':') : [];
    const tailParts = tail ? tail.split(':') : [];
    const missing = a.includes('::') ? 8 - headParts.length - tailParts.length : 0;
    const groups = [...headParts, ...Array(missing).fill('0'), ...tailParts].map((g) => g.replace(/^0+(?=.)/, '').toLowerCase());
    return `${groups.slice(0, 3).join(':')}::/48`;
  }
  return '';
}
