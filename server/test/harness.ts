import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app';
import type { Config } from '../config';
import { openPglite, openPostgres, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { hashPassword } from '../modules/auth/auth.service';
import type { Role } from '../../contract/common';

/**
 * A test app on a fresh database: an in-memory PGlite by default, or, when TEST_DATABASE_URL is set
 * (`npm run test:pg`), a new database created on that PostgreSQL server for this test file.
 */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<{ app: App; db: Db; close: () => Promise<void>; databaseUrl?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let db: Db;
  let drop = async () => {};
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const name = `rf_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    db = await openPostgres(databaseUrl, 5);
    drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    db = await openPglite(undefined);
  }
  await migrate(db);
  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: serverUrl, sessionSecret: randomBytes(32).toString('hex'),
    sessionDays: 1, logLevel: 'silent', production: false, maxUploadBytes: 1024 * 1024, webDir: undefined,
    // no SMTP: the reminder sweeper stays off; reminder tests call sendDueReminders with their own SMTP server
    smtpUrl: undefined, mailFrom: 'Roter Faden <no-reply@localhost>', reminderDays: [14, 3], publicUrl: undefined,
    ...overrides,
  };
  const app = await buildApp(config, db, { logger: false });
  await app.ready();
  return {
    app,
    db,
    databaseUrl,
    close: async () => {
      await app.close();
      await db.close();
      await drop();
    },
  };
}

export const PASSWORD = 'richtig-geheim-123';
let passwordHash: Promise<string> | null = null;

export interface Tenant {
  municipalityId: string;
  departmentIds: string[];
  /** one signed-in session cookie per role; `department` belongs to departmentIds[0] */
  cookies: Record<Role, string>;
  userIds: Record<Role, string>;
}

/** Creates a municipality with two departments and one signed-in user per role. */
export async function createTenant(app: App, name = `Testkommune ${randomBytes(3).toString('hex')}`): Promise<Tenant> {
  const db = app.db;
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const [{ id: municipalityId }] = await db.query<{ id: string }>('INSERT INTO municipality (name) VALUES ($1) RETURNING id', [name]);
  const departmentIds: string[] = [];
  for (const d of ['Stadtplanungsamt', 'Tiefbauamt']) {
    const [{ id }] = await db.query<{ id: string }>('INSERT INTO department (municipality_id, name) VALUES ($1, $2) RETURNING id', [municipalityId, d]);
    departmentIds.push(id);
  }
  const cookies = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of ['admin', 'coordinator', 'department', 'reader'] as Role[]) {
    const email = `${role}.${randomBytes(4).toString('hex')}@example.org`;
    const [{ id }] = await db.query<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email, `${role} user`, hash]);
    await db.query('INSERT INTO membership (municipality_id, user_id, role, department_id) VALUES ($1, $2, $3, $4)', [
      municipalityId, id, role, role === 'department' ? departmentIds[0] : null,
    ]);
    userIds[role] = id;
    cookies[role] = await login(app, email);
  }
  return { municipalityId, departmentIds, cookies, userIds };
}

export async function login(app: App, email: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'rf_session');
  return `rf_session=${c!.value}`;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Shorthand for an API call as a signed-in user (cookie) or anonymously (null). */
export function call(app: App, cookie: string | null, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

export const json = <T = any>(res: LightMyRequestResponse): T => res.json() as T; // eslint-disable-line @typescript-eslint/no-explicit-any
