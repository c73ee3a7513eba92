import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { usePageTitle } from '../../app/title';
import { SSO_REFUSALS, type SsoRefusal } from '../../../contract/sso';
import { ssoMessages } from './messages';
import '../../app/layout.css';

/** /login/refused?reason=… — where every refused single sign-on ends (the server never answers it with a 500). */
export default function SsoRefusedPage() {
  const t = useT(ssoMessages);
  usePageTitle(t('refusedTitle'));
  const [params] = useSearchParams();
  const raw = params.get('reason') ?? '';
  const reason: SsoRefusal = (SSO_REFUSALS as readonly string[]).includes(raw) ? (raw as SsoRefusal) : 'provider_error';
  return (
    <main id="main" className="auth-page">
      <p className="auth-brand">Roter Faden</p>
      <h1>{t('refusedTitle')}</h1>
      <div className="alert error" role="alert">
        <p>{t(`r_${reason}`)}</p>
      </div>
      <p>{t('refusedHelp', { reason })}</p>
      <p>
        <Link className="btn primary" to="/login">{t('refusedBack')}</Link>
      </p>
    </main>
  );
}
