import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import type { SsoChoice } from '../../../contract/sso';
import { ssoMessages } from './messages';

/**
 * "Anmelden mit …" on the sign-in page: one link per configured identity provider. A plain link, because
 * the browser must leave for the provider (GET /auth/sso/start redirects). With providers of several
 * municipalities on one installation, the municipality's name tells the buttons apart.
 */
export function SsoButtons() {
  const t = useT(ssoMessages);
  const choices = useQuery({ queryKey: ['sso-choices'], queryFn: () => api.get<SsoChoice[]>('/auth/sso/providers'), retry: false });
  const list = choices.data ?? [];
  if (!list.length) return null;
  const several = new Set(list.map((c) => c.municipalityName)).size > 1;
  return (
    <nav className="card sso-choices" aria-label={t('providersLabel')}>
      <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 0.5rem', display: 'grid', gap: '0.5rem' }}>
        {list.map((c) => (
          <li key={c.id}>
            <a className="btn primary" href={api.url('/auth/sso/start', { provider: c.id })}>
              {several ? t('signInWithMunicipality', { name: c.displayName, municipality: c.municipalityName }) : t('signInWith', { name: c.displayName })}
            </a>
          </li>
        ))}
      </ul>
      <p className="muted">{t('orPassword')}</p>
    </nav>
  );
}
