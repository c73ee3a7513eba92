import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider for the tests (the certified `oidc-provider` package) on 127.0.0.1, with
 * its own login and consent pages (devInteractions: any password; the login name picks a test person).
 * Its signing key is made here at start (node:crypto), so tests can also produce tokens the provider did
 * not issue: `tamper` rewrites the ID token in the token endpoint's answer before it leaves the provider.
 */
export interface TestPerson { email?: string; email_verified?: boolean; name?: string; groups?: string[] }

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Record<string, TestPerson>;
  /** applied to every ID token the token endpoint returns while set */
  tamper: ((idToken: string) => string) | null;
  /** signs a JWT with the provider's own key (kid included): a token that passes the signature check */
  signAsProvider: (header: Record<string, unknown>, payload: Record<string, unknown>) => string;
  /** signs with a key the provider never published, under the provider's kid */
  signWithOtherKey: (header: Record<string, unknown>, payload: Record<string, unknown>) => string;
  close: () => Promise<void>;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwtWith = (key: KeyObject) => (header: Record<string, unknown>, payload: Record<string, unknown>) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
};
export const decodeJwt = (jwt: string) => {
  const [h, p] = jwt.split('.');
  return { header: JSON.parse(Buffer.from(h, 'base64url').toString()), payload: JSON.parse(Buffer.from(p, 'base64url').toString()) };
};

export async function startTestProvider(opts: { redirectUris: string[]; postLogoutRedirectUris: string[]; port?: number; host?: string }): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = `test-${randomBytes(4).toString('hex')}`;
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  let handler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null = null;
  const state: Pick<TestProvider, 'tamper'> = { tamper: null };
  const server: Server = createServer((req, res) => {
    if (state.tamper && req.method === 'POST' && req.url === '/token') {
      const tamper = state.tamper;
      const end = res.end.bind(res) as (chunk?: unknown) => typeof res;
      // The provider writes the whole JSON answer in one end(): rewrite the ID token there.
      res.end = ((chunk?: unknown) => {
        if (chunk === undefined || chunk === null) return end(chunk);
        const body = JSON.parse(Buffer.from(chunk as Buffer).toString('utf8'));
        if (body.id_token) body.id_token = tamper(body.id_token);
        const out = Buffer.from(JSON.stringify(body));
        res.setHeader('content-length', out.length);
        return end(out);
      }) as typeof res.end;
    }
    handler!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  const issuer = `http://${opts.host ?? '127.0.0.1'}:${address.port}`;
  const people: Record<string, TestPerson> = {};
  const clientId = 'roter-faden';
  const clientSecret = randomBytes(24).toString('base64url');
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId, client_secret: clientSecret, redirect_uris: opts.redirectUris, post_logout_redirect_uris: opts.postLogoutRedirectUris,
      token_endpoint_auth_method: 'client_secret_basic', grant_types: ['authorization_code'], response_types: ['code'],
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // Claims straight in the ID token, as Keycloak and Entra put groups there.
    conformIdTokenClaims: false,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    findAccount: async (_ctx: unknown, id: string) =>
      people[id] ? { accountId: id, claims: async () => ({ sub: id, ...people[id] }) } : undefined,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    get tamper() { return state.tamper; },
    set tamper(f) { state.tamper = f; },
    signAsProvider: (header, payload) => jwtWith(privateKey)({ ...header, kid }, payload),
    signWithOtherKey: (header, payload) => jwtWith(other)({ ...header, kid }, payload),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A browser's cookie jar, enough for the provider's pages (names only; the provider scopes paths itself). */
export class CookieJar {
  private jar = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /expires=.*1970/i.test(a)) || value === '';
      if (expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Walks through the provider's own login and consent pages as a browser would, from the authorization
 * address to the redirect back to the app; returns that address (with code, state and iss).
 * `login` picks the person; `abort` presses the provider's "cancel" instead (access_denied).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, appBase: string, jar = new CookieJar(), opts: { abort?: boolean } = {}): Promise<string> {
  let url = authorizationUrl;
  for (let i = 0; i < 20; i++) {
    if (url.startsWith(appBase)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
    if (opts.abort) {
      url = new URL(`${action}/abort`, url).href;
      continue;
    }
    const body = prompt === 'login' ? new URLSearchParams({ prompt, login, password: 'beliebig' }) : new URLSearchParams({ prompt });
    const post = await fetch(new URL(action, url), { method: 'POST', redirect: 'manual', body, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
    jar.take(post);
    if (post.status < 300 || post.status >= 400) throw new Error(`provider answered ${post.status}: ${(await post.text()).slice(0, 300)}`);
    url = new URL(post.headers.get('location')!, url).href;
  }
  throw new Error('too many redirects at the provider');
}
