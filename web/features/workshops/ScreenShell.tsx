import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorMessage, Spinner } from '../../components/ui';
import { appMessages } from '../../app/messages';
import { useMe } from '../../app/session';
import { useT } from '../../i18n/i18n';
import { roundMessages } from './roundMessages';
import './workshops.css';

/**
 * Frame of the full-screen views for the projector (outside the app layout): needs a session
 * (useMe redirects to the login), large type, a small toolbar to go full screen or back.
 */
export function ScreenShell({ backTo, children }: { backTo: string; children: ReactNode }) {
  const t = useT(roundMessages);
  const app = useT(appMessages);
  const me = useMe();
  const [full, setFull] = useState(false);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);

  if (me.isPending || (me.error instanceof ApiError && me.error.status === 401)) {
    return <div className="boot"><Spinner label={app('loading')} /></div>;
  }
  if (me.error) {
    return (
      <main id="main" className="boot">
        <h1>{app('errorTitle')}</h1>
        <ErrorMessage error={me.error} />
      </main>
    );
  }
  const toggle = () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {});
  return (
    <div className="screen">
      <div className="screen-tools no-print">
        <Link to={backTo} className="btn small">← {t('back')}</Link>
        {document.fullscreenEnabled && (
          <button type="button" className="btn small" aria-pressed={full} onClick={toggle}>{t('fullscreen')}</button>
        )}
      </div>
      <main id="main" className="screen-main">{children}</main>
    </div>
  );
}
