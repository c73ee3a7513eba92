import { Link, Navigate, isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { appMessages } from './messages';
import { usePageTitle } from './title';
import './layout.css';

/** Shown instead of a page when loading or rendering it fails. */
export function RouteError() {
  const t = useT(appMessages);
  const error = useRouteError();
  const notFound = (isRouteErrorResponse(error) && error.status === 404) || (error instanceof ApiError && error.status === 404);
  usePageTitle(notFound ? t('notFoundTitle') : t('errorTitle'));

  if (error instanceof ApiError && error.status === 401) return <Navigate to="/login" replace />;

  // A lazily loaded page whose file no longer exists: the app was redeployed meanwhile.
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : String(error ?? '');
  const chunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(message);

  return (
    <main id="main" className="auth-page" style={{ maxWidth: '40rem' }}>
      <p className="auth-brand">Roter Faden</p>
      <h1>{notFound ? t('notFoundTitle') : t('errorTitle')}</h1>
      <div className="alert error" role="alert">
        <p style={{ margin: 0 }}>{notFound ? t('notFoundText') : chunk ? t('errorChunk') : t('errorText')}</p>
        {!notFound && !chunk && message && <p className="muted" style={{ margin: '0.5rem 0 0' }}>{message}</p>}
      </div>
      <div className="actions">
        <Link className="btn primary" to="/">{t('backHome')}</Link>
        <button type="button" className="btn" onClick={() => window.location.reload()}>{t('errorReload')}</button>
      </div>
    </main>
  );
}
