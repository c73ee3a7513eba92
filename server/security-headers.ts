import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config';
import { LANDSCAPE_PRINT_CSS } from '../contract/print';

export const CSP_REPORT_PATH = '/api/v1/csp-report';

/** The landscape print style the KoFi and roadmap pages add at run time: the only inline style allowed. */
export const PRINT_STYLE_HASH = `'sha256-${createHash('sha256').update(LANDSCAPE_PRINT_CSS).digest('base64')}'`;

/**
 * Where the optional base map's tiles come from, as a CSP source: `https://tile.example.org`, or with a
 * placeholder in the first label of the host (`https://{s}.tile.example.org/…`) that host under a wildcard.
 */
export function tileSource(mapTileUrl: string | undefined): string | null {
  if (!mapTileUrl) return null;
  const m = /^(https?):\/\/([^/?#]+)/.exec(mapTileUrl);
  if (!m) return null;
  const [, scheme, authority] = m;
  const labels = authority.split('.');
  if (labels.slice(1).some((l) => l.includes('{'))) return `${scheme}:`; // placeholder deeper in the host: the scheme is all CSP can say
  if (labels[0].includes('{')) labels[0] = '*';
  return `${scheme}://${labels.join('.')}`;
}

/**
 * The policy of every page: scripts and styles only from our own files (the built index.html has no inline
 * script; the one inline style is allowed by its hash), no plugins, no framing, forms and requests only to ourselves. Images also as data: URLs (the
 * favicon, the roadmap's PNG export draws an SVG data URL) and blob: (downloads), and from the map tile
 * server when one is configured. Violations are reported to our own log.
 */
export function cspDirectives(config: Config): Record<string, string[] | null> {
  const tiles = tileSource(config.mapTileUrl);
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", PRINT_STYLE_HASH],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'report-uri': [CSP_REPORT_PATH],
    // Left out on purpose: a town hall may run the app over plain HTTP on its own network, where upgrading
    // every request to HTTPS would break all of them.
    'upgrade-insecure-requests': null,
  };
}

/** HTTPS as the browser sees it: the request itself (or its trusted proxy's X-Forwarded-Proto), or PUBLIC_URL. */
const overHttps = (req: FastifyRequest, config: Config) => req.protocol === 'https' || !!config.publicUrl?.startsWith('https:');

/**
 * Browser hardening headers on every response — pages, API, files, errors — by @fastify/helmet: a
 * Content-Security-Policy, X-Frame-Options DENY, nosniff, a referrer policy, and HSTS only behind HTTPS (sent
 * over plain HTTP it would lock out a town hall whose server has no certificate).
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
    frameguard: { action: 'deny' },
    // `same-origin`, not `no-referrer`: browsers send `Origin: null` on a POST under `no-referrer`, which the
    // cross-site check in app.ts would refuse; links to other sites still carry no address of ours.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (req, reply) => {
    if (overHttps(req, config)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // Chrome shows a PDF (an attachment opened inline) in a generated page with an <embed> and inline styles,
  // which the page policy would block (crbug.com/271452): a PDF keeps only the ban on framing.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/pdf')) reply.header('content-security-policy', "frame-ancestors 'none'");
    return payload;
  });

  // CSP violation reports: written to the log (at most a few a minute, so nobody can flood it), answered 204.
  app.addContentTypeParser(['application/csp-report', 'application/reports+json'], { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => done(null, body));
  let window = 0;
  let logged = 0;
  app.post(CSP_REPORT_PATH, { schema: { hide: true } }, async (req, reply) => {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute !== window) [window, logged] = [minute, 0];
    if (logged++ < 20) req.log.warn({ report: String(req.body ?? '').slice(0, 2000) }, 'content security policy violation');
    return reply.code(204).send();
  });
}
