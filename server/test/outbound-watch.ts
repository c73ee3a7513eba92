import dns from 'node:dns';
import net from 'node:net';

/**
 * Watches every attempt of this process to reach another machine: a TCP/TLS socket connecting (every
 * client — http, https, fetch/undici, pg, nodemailer, tls.connect — ends in net.Socket#connect) and
 * every DNS lookup. Loopback (127.0.0.0/8, ::1, localhost) and Unix sockets are allowed through; any
 * other target is recorded and refused (the socket fails with EACCES), so a test never leaves the machine.
 */
export interface OutboundWatch {
  attempts: string[];
  stop: () => void;
}

const LOOPBACK = (host: string) => /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3}|0:0:0:0:0:0:0:1)$/i.test(host.replace(/^\[|\]$/g, ''));

/** The host a Socket#connect call targets (options object, (port, host), or a Unix path). */
function targetOf(args: unknown[]): { host: string | null; port: unknown } {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // net's internal normalised form: [options, cb]
  if (first && typeof first === 'object') {
    const o = first as { host?: string; port?: unknown; path?: string };
    if (o.path) return { host: null, port: null };
    return { host: o.host ?? 'localhost', port: o.port };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { host: null, port: null }; // a pipe path
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

export function watchOutbound(): OutboundWatch {
  const attempts: string[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  const promisesLookup = dns.promises.lookup;

  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const { host, port } = targetOf(args);
    if (host !== null && !LOOPBACK(host)) {
      attempts.push(`connect ${host}:${String(port)}`);
      const err = Object.assign(new Error(`outbound connection to ${host} refused by the test`), { code: 'EACCES' });
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;

  // A name that is not loopback would send a DNS query out: recorded and answered "not found" here.
  const foreign = (hostname: string) => !LOOPBACK(hostname) && net.isIP(hostname) === 0;
  const notFound = (hostname: string) => Object.assign(new Error(`DNS lookup of ${hostname} refused by the test`), { code: 'ENOTFOUND' });
  (dns as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
    if (foreign(hostname)) {
      attempts.push(`dns ${hostname}`);
      const cb = rest[rest.length - 1] as (err: Error) => void;
      process.nextTick(() => cb(notFound(hostname)));
      return undefined;
    }
    return (lookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  };
  (dns.promises as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
    if (foreign(hostname)) {
      attempts.push(`dns ${hostname}`);
      return Promise.reject(notFound(hostname));
    }
    return (promisesLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  };

  return {
    attempts,
    stop: () => {
      net.Socket.prototype.connect = connect;
      (dns as { lookup: unknown }).lookup = lookup;
      (dns.promises as { lookup: unknown }).lookup = promisesLookup;
    },
  };
}
