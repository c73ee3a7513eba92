import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ConfirmDialog, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage, TextAreaField, TextField } from '../../app/forms';
import { useCan, useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useLocale, useT } from '../../i18n/i18n';
import { ROLE_LABELS } from '../../../domain/labels';
import type { Role } from '../../../contract/common';
import type { UserRow } from '../../../contract/auth';
import type { SsoProvider, SsoProviderBody } from '../../../contract/sso';
import { useConcept } from '../concept/useConcept';
import { ssoAdminMessages } from './messages';

const ROLES: Role[] = ['admin', 'coordinator', 'department', 'reader'];
const KEY = ['sso-provider'];
const lines = (s: string) => [...new Set(s.split('\n').map((l) => l.trim()).filter(Boolean))];

/** /admin/sign-in — the municipality's identity provider (OpenID Connect), its group mapping and local passwords. */
export default function SsoAdminPage() {
  const t = useT(ssoAdminMessages);
  usePageTitle(t('title'));
  const { isAdmin } = useCan();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('title')}>
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('intro')}</p>
      </PageHeader>
      {me.data && !isAdmin ? <Alert kind="warn">{t('adminOnly')}</Alert> : me.data ? <SsoAdmin /> : null}
    </>
  );
}

interface Form {
  kind: 'oidc' | 'saml'; entryPoint: string; idpIssuer: string; idpCert: string; spEntityId: string;
  displayName: string; issuer: string; clientId: string; clientSecret: string; groupClaim: string;
  roles: Record<Role, string>; departments: Record<string, string>; passwordsOff: boolean; emergencyAdminId: string;
}
const EMPTY: Form = {
  kind: 'oidc', entryPoint: '', idpIssuer: '', idpCert: '', spEntityId: '',
  displayName: '', issuer: '', clientId: '', clientSecret: '', groupClaim: 'groups',
  roles: { admin: '', coordinator: '', department: '', reader: '' }, departments: {}, passwordsOff: false, emergencyAdminId: '',
};

function fromApi(p: SsoProvider): Form {
  const roles = { ...EMPTY.roles };
  for (const r of ROLES) roles[r] = p.mapping.roles.filter((x) => x.role === r).map((x) => x.value).join('\n');
  const departments: Record<string, string> = {};
  for (const d of p.mapping.departments) departments[d.departmentId] = [departments[d.departmentId], d.value].filter(Boolean).join('\n');
  return {
    kind: p.kind, entryPoint: p.saml?.entryPoint ?? '', idpIssuer: p.saml?.idpIssuer ?? '', idpCert: p.saml?.idpCert ?? '', spEntityId: p.saml?.spEntityId ?? '',
    displayName: p.displayName, issuer: p.oidc?.issuer ?? '', clientId: p.oidc?.clientId ?? '', clientSecret: '', groupClaim: p.mapping.groupClaim,
    roles, departments, passwordsOff: p.passwordsOff, emergencyAdminId: p.emergencyAdminId ?? '',
  };
}

function SsoAdmin() {
  const t = useT(ssoAdminMessages);
  const { locale } = useLocale();
  const qc = useQueryClient();
  const provider = useQuery({
    queryKey: KEY,
    // 404: none set up yet — an empty form, not an error
    queryFn: () => api.get<SsoProvider>('/sso/provider').catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
  });
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<UserRow[]>('/users') });
  const departments = useConcept().data?.departments ?? [];
  const [form, setForm] = useState<Form>(EMPTY);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  useEffect(() => {
    if (provider.data) setForm(fromApi(provider.data));
  }, [provider.data]);

  const save = useMutation({
    mutationFn: (body: SsoProviderBody) => api.put<SsoProvider>('/sso/provider', body),
    onSuccess: (p) => {
      qc.setQueryData(KEY, p);
      setNotice(t('saved'));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.del('/sso/provider'),
    onSuccess: () => {
      qc.setQueryData(KEY, null);
      setForm(EMPTY);
      setNotice(t('removed'));
    },
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    setNotice(null);
    save.mutate({
      kind: form.kind,
      displayName: form.displayName.trim(),
      ...(form.kind === 'oidc'
        ? { oidc: { issuer: form.issuer.trim(), clientId: form.clientId.trim(), ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}) } }
        : { saml: { entryPoint: form.entryPoint.trim(), idpIssuer: form.idpIssuer.trim(), idpCert: form.idpCert.trim(), spEntityId: form.spEntityId.trim() } }),
      mapping: {
        groupClaim: form.groupClaim.trim(),
        roles: ROLES.flatMap((role) => lines(form.roles[role]).map((value) => ({ value, role }))),
        departments: departments.flatMap((d) => lines(form.departments[d.id] ?? '').map((value) => ({ value, departmentId: d.id }))),
      },
      passwordsOff: form.passwordsOff,
      emergencyAdminId: form.emergencyAdminId || null,
    });
  }

  if (provider.isPending) return <Spinner label={t('title')} />;
  if (provider.error) return <ErrorMessage error={provider.error} />;
  const p = provider.data;
  const origin = window.location.origin;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const admins = (users.data ?? []).filter((u) => u.role === 'admin');

  return (
    <>
      <StatusMessage message={notice} />
      {!p && <Alert kind="info">{t('notConfigured')}</Alert>}
      <section className="card" aria-labelledby="sso-register">
        <h2 id="sso-register">{t('register')}</h2>
        {form.kind === 'oidc' ? (
          <dl>
            <dt>{t('redirectUri')}</dt>
            <dd><code style={{ overflowWrap: 'anywhere' }}>{p?.kind === 'oidc' ? p.redirectUri : `${origin}/api/v1/auth/sso/oidc/callback`}</code></dd>
            <dt>{t('postLogoutUri')}</dt>
            <dd><code style={{ overflowWrap: 'anywhere' }}>{p?.postLogoutRedirectUri ?? `${origin}/login`}</code></dd>
          </dl>
        ) : (
          <dl>
            <dt>{t('acsUrl')}</dt>
            <dd><code style={{ overflowWrap: 'anywhere' }}>{p?.kind === 'saml' ? p.redirectUri : `${origin}/api/v1/auth/sso/saml/acs`}</code></dd>
            {p?.kind === 'saml' && (
              <>
                <dt>{t('spMetadata')}</dt>
                <dd><a href={api.url('/auth/sso/saml/metadata', { provider: p.id })} style={{ overflowWrap: 'anywhere' }}>{`${origin}${api.url('/auth/sso/saml/metadata', { provider: p.id })}`}</a></dd>
              </>
            )}
          </dl>
        )}
        <p className="muted">{form.kind === 'oidc' ? t('registerHint') : t('registerHintSaml')}</p>
      </section>
      <form className="card" onSubmit={submit} aria-busy={save.isPending}>
        <h2>{t('provider')}</h2>
        <fieldset>
          <legend>{t('kind')}</legend>
          {(['oidc', 'saml'] as const).map((k) => (
            <div className="check-field" key={k}>
              <input id={`sso-kind-${k}`} type="radio" name="sso-kind" checked={form.kind === k} onChange={() => set('kind', k)} />
              <label htmlFor={`sso-kind-${k}`}>{k === 'oidc' ? t('kindOidc') : t('kindSaml')}</label>
            </div>
          ))}
        </fieldset>
        <TextField id="sso-name" label={t('displayName')} hint={t('displayNameHint')} value={form.displayName} required maxLength={100}
          onChange={(e) => set('displayName', e.target.value)} />
        {form.kind === 'oidc' ? (
          <>
            <TextField id="sso-issuer" label={t('issuer')} hint={t('issuerHint')} type="url" value={form.issuer} required
              onChange={(e) => set('issuer', e.target.value)} />
            <TextField id="sso-client-id" label={t('clientId')} value={form.clientId} required onChange={(e) => set('clientId', e.target.value)} />
            <TextField id="sso-client-secret" label={t('clientSecret')} type="password" autoComplete="off" value={form.clientSecret}
              hint={p?.oidc?.hasClientSecret ? t('clientSecretKeep') : t('clientSecretHint')} required={!p?.oidc?.hasClientSecret}
              onChange={(e) => set('clientSecret', e.target.value)} />
          </>
        ) : (
          <>
            <TextField id="sso-entry-point" label={t('entryPoint')} type="url" value={form.entryPoint} required onChange={(e) => set('entryPoint', e.target.value)} />
            <TextField id="sso-idp-issuer" label={t('idpIssuer')} value={form.idpIssuer} required onChange={(e) => set('idpIssuer', e.target.value)} />
            <TextAreaField id="sso-idp-cert" label={t('idpCert')} rows={4} value={form.idpCert} required onChange={(e) => set('idpCert', e.target.value)} />
            <TextField id="sso-sp-entity" label={t('spEntityId')} hint={t('spEntityIdHint')} value={form.spEntityId} required
              onChange={(e) => set('spEntityId', e.target.value)} />
          </>
        )}

        <h2>{t('mapping')}</h2>
        <TextField id="sso-claim" label={t('groupClaim')} value={form.groupClaim} required onChange={(e) => set('groupClaim', e.target.value)} />
        {ROLES.map((r) => (
          <TextAreaField key={r} id={`sso-role-${r}`} rows={2} label={t('groupsFor', { role: ROLE_LABELS[r][locale] })} hint={r === 'admin' ? t('groupsHint') : undefined}
            value={form.roles[r]} onChange={(e) => set('roles', { ...form.roles, [r]: e.target.value })} />
        ))}
        {departments.map((d) => (
          <TextAreaField key={d.id} id={`sso-dept-${d.id}`} rows={1} label={t('groupsForDepartment', { department: d.name })}
            value={form.departments[d.id] ?? ''} onChange={(e) => set('departments', { ...form.departments, [d.id]: e.target.value })} />
        ))}

        <h2>{t('passwords')}</h2>
        <div className="check-field">
          <input id="sso-passwords-off" type="checkbox" checked={form.passwordsOff} onChange={(e) => set('passwordsOff', e.target.checked)} />
          <label htmlFor="sso-passwords-off">{t('passwordsOff')}</label>
        </div>
        <div className="field">
          <label htmlFor="sso-emergency">{t('emergencyAdmin')}</label>
          <select id="sso-emergency" value={form.emergencyAdminId} required={form.passwordsOff} onChange={(e) => set('emergencyAdminId', e.target.value)}>
            <option value="">{t('emergencyNone')}</option>
            {admins.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
          </select>
        </div>
        <ErrorMessage error={save.error} />
        <div className="actions">
          <button type="submit" className="btn primary" disabled={save.isPending}>{t('save')}</button>
          {p && <button type="button" className="btn danger" onClick={() => setConfirm(true)}>{t('remove')}</button>}
        </div>
      </form>
      <ErrorMessage error={remove.error} />
      <ConfirmDialog open={confirm} title={t('remove')} confirmLabel={t('remove')} cancelLabel={t('cancel')} danger
        onConfirm={() => { setConfirm(false); remove.mutate(); }} onCancel={() => setConfirm(false)}>
        <p>{t('removeConfirm', { name: p?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
