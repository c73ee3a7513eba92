-- Issue 14, single sign-on: each municipality may connect one identity provider (OpenID Connect or SAML 2.0).

CREATE TABLE sso_provider (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL UNIQUE REFERENCES municipality(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('oidc', 'saml')),
  -- the button reads "Anmelden mit <display_name>"
  display_name text NOT NULL,
  -- OpenID Connect: the issuer (discovery at <issuer>/.well-known/openid-configuration), the client, and its
  -- secret encrypted with AES-256-GCM under a key derived from SESSION_SECRET (never returned by the API).
  oidc_issuer text,
  oidc_client_id text,
  oidc_client_secret text,
  -- SAML 2.0: the IdP's sign-in address, its signing certificate (PEM), its entity id, and ours.
  saml_entry_point text,
  saml_idp_cert text,
  saml_idp_issuer text,
  saml_sp_entity_id text,
  -- which claim (attribute) carries the groups, and which of its values give which role and department:
  -- role_map [{ "value": "isek-admins", "role": "admin" }], department_map [{ "value": "amt-61", "departmentId": "…" }]
  group_claim text NOT NULL DEFAULT 'groups',
  role_map jsonb NOT NULL DEFAULT '[]',
  department_map jsonb NOT NULL DEFAULT '[]',
  -- with local passwords off only the emergency admin may still sign in with a password
  passwords_off boolean NOT NULL DEFAULT false,
  emergency_admin_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT passwords_off OR emergency_admin_id IS NOT NULL)
);

-- Who someone is at the provider (its `sub`, or SAML's NameID): after the first sign-in the account is found by
-- this, not by e-mail. The first sign-in links by e-mail only when the provider vouches for it (email_verified).
CREATE TABLE sso_identity (
  provider_id uuid NOT NULL REFERENCES sso_provider(id) ON DELETE CASCADE,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider_id, subject)
);
CREATE INDEX sso_identity_user ON sso_identity (user_id);

-- A sign-in under way: state (its hash is the key), nonce and PKCE verifier stay on the server, bound to the
-- browser that started it (hash of a random cookie value), used once (deleted when the answer comes) and
-- valid for 10 minutes. For SAML the request id takes the state's place (InResponseTo).
CREATE TABLE sso_pending (
  state_hash text PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES sso_provider(id) ON DELETE CASCADE,
  browser_hash text NOT NULL,
  nonce text NOT NULL DEFAULT '',
  code_verifier text NOT NULL DEFAULT '',
  expires_at timestamptz NOT NULL
);

-- Which provider a session came from (null: password), and what sign-out at the provider needs: the ID
-- token (encrypted like the client secret) as id_token_hint, or SAML's NameID and SessionIndex.
ALTER TABLE session ADD COLUMN sso_provider_id uuid REFERENCES sso_provider(id) ON DELETE CASCADE;
ALTER TABLE session ADD COLUMN sso_logout_hint text;
