import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import { ErrorMessage, Spinner } from '../components/ui';
import { useLocale, useT } from '../i18n/i18n';
import type { Me } from '../../contract/auth';
import type { Locale } from '../../domain/format';
import { appMessages } from './messages';
import { ME_KEY, permissions, useMe } from './session';
import { setSkipLinkText } from './skipLink';
import { SavedSearchNavItem } from '../features/funding/SavedSearchNavItem';
import './layout.css';
import { TwoFactorGuard } from '../features/auth/TwoFactorGuard';
import { NotificationBell } from '../features/notifications/NotificationBell';

export function Layout() {
  const t = useT(appMessages);
  const me = useMe();
  const { locale, setLocale } = useLocale();
  const serverLocale = me.data?.user.locale;

  useEffect(() => setSkipLinkText(locale), [locale]);

  // The profile's language wins once the session is known.
  useEffect(() => {
    if (serverLocale && serverLocale !== locale) setLocale(serverLocale);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverLocale]);

  const booting = me.isPending || (me.error instanceof ApiError && me.error.status === 401);
  return (
    <>
      {booting ? (
        <div className="boot">
          <Spinner label={t('loading')} />
        </div>
      ) : me.error ? (
        <main id="main" className="boot" tabIndex={-1}>
          <h1>{t('errorTitle')}</h1>
          <ErrorMessage error={me.error} />
          <button type="button" className="btn" onClick={() => me.refetch()}>{t('errorReload')}</button>
        </main>
      ) : (
        <Shell me={me.data} />
      )}
    </>
  );
}

function Shell({ me }: { me: Me }) {
  const t = useT(appMessages);
  const { locale, setLocale } = useLocale();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  const can = permissions(me);
  const [navOpen, setNavOpen] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // On every page change: close the phone menu and move focus to the content (not on the first load).
  useEffect(() => {
    setNavOpen(false);
    if (firstPath.current !== location.pathname) {
      firstPath.current = '';
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [location.pathname]);

  async function switchMunicipality(municipalityId: string) {
    setSwitching(true);
    setError(null);
    try {
      const next = await api.post<Me>('/auth/switch', { municipalityId });
      qc.setQueryData(ME_KEY, next);
      // Everything else belonged to the other municipality: drop it (open pages refetch).
      void qc.resetQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      navigate('/');
    } catch (e) {
      setError(e);
    } finally {
      setSwitching(false);
    }
  }

  function changeLocale(l: Locale) {
    if (l === locale) return;
    setLocale(l);
    api.patch<Me>('/auth/profile', { locale: l }).then((m) => {
      qc.setQueryData(ME_KEY, m);
      // Some answers carry sentences the server wrote in the UI's language (notifications): fetch those again.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    }, () => {});
  }

  async function logout() {
    // After a single sign-on the provider's session ends too: the browser goes to its sign-out address.
    const out = await api.post<{ providerLogoutUrl: string | null }>('/auth/sso/logout').catch(() => null);
    if (out?.providerLogoutUrl) {
      window.location.assign(out.providerLogoutUrl);
      return;
    }
    await navigate('/login');
    qc.clear();
  }

  const item = (to: string, label: string, end = false) => (
    <li>
      <NavLink to={to} end={end}>
        {label}
      </NavLink>
    </li>
  );

  return (
    <>
      <header className={`app-header ${navOpen ? 'nav-open' : ''}`}>
        <Link to="/" className="brand" aria-label={`${t('brand')} – ${me.current.municipalityName}`}>
          <span aria-hidden="true" className="brand-mark">⟿</span>
          <span>{t('brand')}</span>
          <span className="brand-municipality">{me.current.municipalityName}</span>
        </Link>
        <button
          type="button"
          className="btn small nav-toggle"
          aria-expanded={navOpen}
          aria-controls="app-nav header-tools"
          onClick={() => setNavOpen((o) => !o)}
        >
          {t('menu')}
        </button>
        <span className="spacer" />
        <NotificationBell />
        {navigation.state === 'loading' && <span className="header-busy"><Spinner label={t('loadingPage')} /></span>}
        {/* On a phone these fold into the menu's disclosure, so that the header keeps to one row. */}
        <div id="header-tools" className="header-tools">
        {me.memberships.length > 1 && (
          <span className="header-field">
            <label htmlFor="municipality-switch">{t('municipality')}</label>
            <select
              id="municipality-switch"
              value={me.current.municipalityId}
              disabled={switching}
              onChange={(e) => switchMunicipality(e.target.value)}
            >
              {me.memberships.map((m) => (
                <option key={m.municipalityId} value={m.municipalityId}>
                  {m.municipalityName}
                </option>
              ))}
            </select>
          </span>
        )}
        <span role="group" aria-label={t('language')} className="lang-switch">
          {(['de', 'en'] as const).map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={locale === l} className="btn small" onClick={() => changeLocale(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </span>
        <Link to="/profile" className="header-user" aria-label={t('profile', { name: me.user.name })}>
          {me.user.name}
        </Link>
        <button type="button" className="btn small header-logout" onClick={logout}>{t('logout')}</button>
        </div>
      </header>
      {(switching || error != null) && (
        <div className="header-message">
          {switching && <Spinner label={t('switching')} />}
          <ErrorMessage error={error} />
        </div>
      )}
      <div className="app-body">
        <nav id="app-nav" className={`app-nav ${navOpen ? 'open' : ''}`} aria-label={t('mainNav')}>
          <ul>
            {item('/', can.role === 'department' && can.departmentId ? t('myDepartment') : t('overview'), true)}
            {can.canEditConcept && can.departmentId && item('/home/department', t('myDepartment'))}
            {(can.canEditConcept || (can.role === 'department' && can.departmentId)) && item('/dashboard', t('keyFigures'))}
            {item('/measures', t('measures'), true)}
            {can.canCreateMeasure && item('/measures/new', t('newMeasure'), true)}
            {item('/districts', t('byDistrict'))}
            {item('/departments', t('byDepartment'))}
            {item('/synergies', t('synergies'), true)}
            {can.departmentId && item('/synergies/my-districts', t('myDistricts'))}
            {item('/map', t('map'))}
            {item('/responsibility', t('responsibility'))}
            {item('/roadmap', t('roadmap'))}
            {item('/monitoring', t('monitoring'))}
            {can.canImport && item('/reporting-cycles', t('reportingCycles'))}
            {can.departmentId && item('/my-reports', t('myReports'))}
            {item('/workshops', t('workshops'))}
            {item('/priorities', t('priorities'))}
          </ul>
          <div className="nav-group" id="nav-concept">{t('concept')}</div>
          <ul aria-labelledby="nav-concept">
            {item('/concept', t('vision'), true)}
            {item('/concept/dimensions', t('dimensions'))}
            {item('/concept/action-fields', t('actionFields'))}
            {item('/concept/goals', t('goals'))}
            {item('/concept/districts', t('districts'))}
            {item('/concept/departments', t('departments'))}
          </ul>
          <div className="nav-group" id="nav-funding">{t('funding')}</div>
          <ul aria-labelledby="nav-funding">
            {item('/funding/programmes', t('fundingProgrammes'))}
            {item('/funding/kofi', t('kofi'))}
            {item('/funding/deadlines', t('deadlines'))}
            {can.canImport && <SavedSearchNavItem label={t('savedSearches')} newLabel={t('savedSearchesNew')} />}
          </ul>
          {(can.canImport || can.isAdmin) && (
            <>
              <div className="nav-group" id="nav-admin">{t('admin')}</div>
              <ul aria-labelledby="nav-admin">
                {can.canImport && item('/measures/import', t('import'))}
                {can.isAdmin && item('/admin/users', t('users'))}
                {can.isAdmin && item('/admin/audit', t('audit'))}
                {can.isAdmin && item('/admin/privacy', t('privacy'))}
                {can.isAdmin && item('/admin/mail-outbox', t('mailOutbox'))}
                {can.isAdmin && item('/admin/sign-in', t('signInSettings'))}
              </ul>
            </>
          )}
        </nav>
        <main id="main" tabIndex={-1} ref={mainRef}>
          <TwoFactorGuard />
          <Outlet />
          <footer className="app-footer" style={{ marginTop: '3rem', paddingTop: '1rem', borderTop: '1px solid #d0d7de', fontSize: '0.9rem' }}>
            <Link to={`/privacy/${me.current.municipalityId}`}>{t('privacyNotice')}</Link>
          </footer>
        </main>
      </div>
    </>
  );
}
