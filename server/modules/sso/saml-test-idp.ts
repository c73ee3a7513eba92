import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

/**
 * A small but real SAML 2.0 identity provider for the tests, on 127.0.0.1: it reads our AuthnRequest
 * (HTTP-Redirect binding, deflated), signs an assertion with xml-crypto (RSA-SHA256, exclusive c14n) under
 * a key made here at start, and answers with the auto-posting form a browser would get (HTTP-POST binding).
 * The login name comes as `login=`, typed into its small login page or set by the test. `variant` makes the answers the tests
 * must see refused: unsigned, signed with another key, changed after signing, expired, for another audience
 * or from another issuer.
 */
export interface SamlPerson { email?: string; name?: string; groups?: string[] }
export interface SamlVariant { unsigned?: boolean; otherKey?: boolean; tamper?: boolean; expired?: boolean; audience?: string; issuer?: string; status?: string }

export interface TestSamlIdp {
  entityId: string;
  entryPoint: string;
  /** the IdP's public key, PEM — what an admin pastes as the IdP certificate */
  publicKeyPem: string;
  people: Record<string, SamlPerson>;
  variant: SamlVariant;
  close: () => Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const iso = (ms: number) => new Date(ms).toISOString();

function assertionXml(o: { id: string; issuer: string; login: string; person: SamlPerson; inResponseTo: string; acs: string; audience: string; notBefore: number; notOnOrAfter: number }) {
  const attrs = [
    o.person.email ? `<saml:Attribute Name="email"><saml:AttributeValue>${esc(o.person.email)}</saml:AttributeValue></saml:Attribute>` : '',
    o.person.name ? `<saml:Attribute Name="displayName"><saml:AttributeValue>${esc(o.person.name)}</saml:AttributeValue></saml:Attribute>` : '',
    o.person.groups?.length ? `<saml:Attribute Name="groups">${o.person.groups.map((g) => `<saml:AttributeValue>${esc(g)}</saml:AttributeValue>`).join('')}</saml:Attribute>` : '',
  ].join('');
  return `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${o.id}" Version="2.0" IssueInstant="${iso(Date.now())}">`
    + `<saml:Issuer>${esc(o.issuer)}</saml:Issuer>`
    + `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${esc(o.login)}</saml:NameID>`
    + `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${esc(o.inResponseTo)}" NotOnOrAfter="${iso(o.notOnOrAfter)}" Recipient="${esc(o.acs)}"/></saml:SubjectConfirmation></saml:Subject>`
    + `<saml:Conditions NotBefore="${iso(o.notBefore)}" NotOnOrAfter="${iso(o.notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`
    + `<saml:AuthnStatement AuthnInstant="${iso(Date.now())}" SessionIndex="_s${randomBytes(8).toString('hex')}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`
    + (attrs ? `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` : '')
    + `</saml:Assertion>`;
}

function sign(xml: string, privateKeyPem: string) {
  const sig = new SignedXml({
    privateKey: privateKeyPem,
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(xml, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' } });
  return sig.getSignedXml();
}

export async function startTestSamlIdp(): Promise<TestSamlIdp> {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const otherKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const people: Record<string, SamlPerson> = {};
  const state = { variant: {} as SamlVariant };
  let entityId = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', entityId);
    const request = url.searchParams.get('SAMLRequest');
    const login = url.searchParams.get('login') ?? '';
    if (url.pathname === '/sso' && request && !url.searchParams.has('login')) {
      // its login page, for a browser: the request travels on in hidden fields
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><title>Test IdP sign-in</title></head><body><main><h1>Test IdP</h1>`
        + `<form method="get" action="/sso"><input type="hidden" name="SAMLRequest" value="${esc(request)}">`
        + `<input type="hidden" name="RelayState" value="${esc(url.searchParams.get('RelayState') ?? '')}">`
        + `<label for="login">Login</label> <input id="login" name="login" required> <button type="submit">Sign in</button></form></main></body></html>`,
      );
      return;
    }
    if (url.pathname !== '/sso' || !request || !people[login]) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request or unknown login');
      return;
    }
    const authn = inflateRawSync(Buffer.from(request, 'base64')).toString('utf8');
    const inResponseTo = /\sID="([^"]+)"/.exec(authn)?.[1] ?? '';
    const acs = /AssertionConsumerServiceURL="([^"]+)"/.exec(authn)?.[1] ?? '';
    const spEntity = /<saml:Issuer[^>]*>([^<]+)<\/saml:Issuer>/.exec(authn)?.[1] ?? '';
    const v = state.variant;
    const now = Date.now();
    const issuer = v.issuer ?? entityId;
    let assertion = assertionXml({
      id: `_a${randomBytes(12).toString('hex')}`, issuer, login, person: people[login], inResponseTo, acs, audience: v.audience ?? spEntity,
      notBefore: v.expired ? now - 2 * 3600_000 : now - 60_000, notOnOrAfter: v.expired ? now - 3600_000 : now + 5 * 60_000,
    });
    if (!v.unsigned) assertion = sign(assertion, v.otherKey ? otherKeyPem : privateKeyPem);
    if (v.tamper) assertion = assertion.replace('<saml:AttributeValue>', '<saml:AttributeValue>isek-admin</saml:AttributeValue><saml:AttributeValue>');
    const status = v.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success';
    const response = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomBytes(12).toString('hex')}" Version="2.0" IssueInstant="${iso(now)}" Destination="${esc(acs)}" InResponseTo="${esc(inResponseTo)}">`
      + `<saml:Issuer>${esc(issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${status}"/></samlp:Status>`
      + (status.endsWith(':Success') ? assertion : '')
      + `</samlp:Response>`;
    const relay = url.searchParams.get('RelayState') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="en"><head><title>Test IdP</title></head><body onload="document.forms[0].submit()">`
      + `<form method="post" action="${esc(acs)}"><input type="hidden" name="SAMLResponse" value="${Buffer.from(response).toString('base64')}">`
      + `<input type="hidden" name="RelayState" value="${esc(relay)}"><button type="submit">Continue</button></form></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  entityId = `${base}/idp`;
  return {
    entityId,
    entryPoint: `${base}/sso`,
    publicKeyPem: pair.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    people,
    get variant() { return state.variant; },
    set variant(v) { state.variant = v; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** What a browser does with the IdP's answer: the hidden fields of its auto-posting form. */
export function formFields(html: string): { action: string; SAMLResponse: string; RelayState: string } {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  return { action: /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '', SAMLResponse: field('SAMLResponse'), RelayState: field('RelayState') };
}
