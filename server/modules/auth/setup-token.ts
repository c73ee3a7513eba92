import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * The one-time setup key. The server listens on all interfaces, so until an administrator exists anyone
 * who reaches it could set it up and own it. Setup from another machine therefore needs this key, which
 * is printed in the server log at start and shown nowhere else; whoever can read the log runs the server.
 * It is kept in memory only: with several instances, each prints its own key and accepts only that one.
 */
export class SetupKey {
  private key: string | null = null;

  /** A new key, 80 random bits in five groups for reading off a log: "3f9a-0c1e-…". */
  issue(): string {
    this.key = randomBytes(10).toString('hex').match(/.{4}/g)!.join('-');
    return this.key;
  }

  get current(): string | null {
    return this.key;
  }

  /** Compares in constant time; spaces, dashes and case do not matter, since people type it off a log. */
  matches(given: string | undefined): boolean {
    if (!this.key || !given) return false;
    const norm = (s: string) => createHash('sha256').update(s.replace(/[\s-]/g, '').toLowerCase()).digest();
    return timingSafeEqual(norm(this.key), norm(given));
  }

  /** Single use: gone once an administrator exists. */
  spend() {
    this.key = null;
  }
}

const isLoopback = (ip: string) => {
  const plain = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
};

/**
 * Whether a request comes from the machine the server runs on. `req.ip` follows TRUST_PROXY: without it
 * the forwarded headers are ignored, and a request that carries them came through a proxy on this machine
 * on behalf of someone else, so it does not count as local.
 */
export function fromThisMachine(req: FastifyRequest, trustsProxy: boolean): boolean {
  if (!isLoopback(req.ip)) return false;
  if (trustsProxy) return true;
  return req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined && req.headers['x-real-ip'] === undefined;
}
