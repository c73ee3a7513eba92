import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isIP } from 'node:net';

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY's list as well */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isAddressOrCidr = (s: string) => {
  if (PROXY_RANGES.has(s)) return true;
  const [ip, bits, ...rest] = s.split('/');
  const v = isIP(ip);
  if (!v || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128));
};

/**
 * TRUST_PROXY: off by default, so X-Forwarded-For cannot be forged to dodge the sign-in throttle or to pass
 * as the machine itself. `true` trusts any proxy, a number that many hops, a comma list those addresses/CIDRs.
 */
const TrustProxy = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): boolean | number | string[] => {
    if (!v || v === 'false' || v === '0') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) return Number(v);
    const list = v.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = list.filter((s) => !isAddressOrCidr(s));
    if (bad.length || !list.length) {
      ctx.addIssue({ code: 'custom', message: `must be true, a number of proxy hops, or a comma list of addresses/CIDRs, e.g. 10.0.0.1,192.168.0.0/16 (not: ${bad.join(', ')})` });
      return z.NEVER;
    }
    return list;
  });

/** Read once at start-up; every bad variable is listed at once, then the process stops. */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** a session ends after this many minutes without a request (last activity is written at most once a minute) */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(2).max(525600).default(120),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(100).default(10),
  TRUST_PROXY: TrustProxy,
  /** new workshop participants per client address and workshop in 10 minutes (a room behind one Wi-Fi counts as one client) */
  JOIN_LIMIT: z.coerce.number().int().min(1).max(100000).default(60),
  /** e-mail reminders before application deadlines; without it no mail is sent */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/?#]+/, 'must look like smtp://user:pass@host:587 or smtps://host:465').optional(),
  MAIL_FROM: z.string().trim().min(3).default('Roter Faden <no-reply@localhost>'),
  REMINDER_DAYS: z
    .string()
    .default('14,3')
    .transform((s) => s.split(',').map((d) => d.trim()).filter(Boolean).map(Number))
    .refine((days) => days.length > 0 && days.every((d) => Number.isInteger(d) && d >= 0 && d <= 365), 'a comma-separated list of whole days (0–365), e.g. 14,3'),
  /** hour of the day (Europe/Berlin) from which the daily notification digest is mailed */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** the address people open the app at, e.g. https://isek.musterstadt.de; makes the links in e-mails absolute */
  PUBLIC_URL: z.url().optional(),
  /** base map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png; without it the map draws districts only and fetches nothing */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/\S*\{z\}\S*\{x\}\S*\{y\}/, 'must be an http(s) URL with {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png')
    .optional(),
  /** who may read the API docs at /api/docs: everyone, signed-in users, or nobody; default signed-in in production, public otherwise */
  API_DOCS: z.enum(['public', 'signed-in', 'off']).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  sessionDays: number;
  /** minutes without a request after which a session ends; absent = 120 */
  sessionIdleMinutes?: number;
  logLevel: string;
  production: boolean;
  maxUploadBytes: number;
  /** which proxies' X-Forwarded-For to believe (Fastify's trustProxy); absent = none */
  trustProxy?: boolean | number | string[];
  /** new workshop participants per client address and workshop in 10 minutes; default 60 */
  joinLimit?: number;
  /** Directory of the built web app; absent in API-only runs (tests). */
  webDir: string | undefined;
  /** `smtp://user:pass@host:587` or `smtps://…`; reminders are sent only when it is set */
  smtpUrl?: string;
  mailFrom?: string;
  /** days before a deadline at which reminders go out, largest first */
  reminderDays?: number[];
  /** base of links in e-mails, without a trailing slash */
  publicUrl?: string;
  /** hour (Europe/Berlin, 0–23) from which the daily notification digest goes out; absent = 7 */
  digestHour?: number;
  /** tile URL template with {z}/{x}/{y} for the map's optional base map */
  mapTileUrl?: string;
  /** who may read /api/docs; absent = `signed-in` in production, `public` otherwise */
  apiDocs?: ApiDocs;
}

export type ApiDocs = 'public' | 'signed-in' | 'off';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const webDir = resolve(env.WEB_DIR ?? 'dist/web');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? persistedSecret(dataDir, e.NODE_ENV === 'production' && !!e.DATABASE_URL),
    sessionDays: e.SESSION_DAYS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    trustProxy: e.TRUST_PROXY,
    joinLimit: e.JOIN_LIMIT,
    webDir: existsSync(join(webDir, 'index.html')) ? webDir : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    reminderDays: [...new Set(e.REMINDER_DAYS)].sort((a, b) => b - a),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    digestHour: e.DIGEST_HOUR,
    mapTileUrl: e.MAP_TILE_URL,
    apiDocs: e.API_DOCS ?? (e.NODE_ENV === 'production' ? 'signed-in' : 'public'),
  };
}

/**
 * Zero-setup start: without SESSION_SECRET a random one is generated once and kept in the data dir,
 * never a built-in default. Several instances on one PostgreSQL must share it, so there it is required.
 */
function persistedSecret(dataDir: string, required: boolean): string {
  if (required) throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production with DATABASE_URL');
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
