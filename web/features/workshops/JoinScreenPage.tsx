import { useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorMessage, Spinner } from '../../components/ui';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import { joinUrl, useWorkshop } from './api';
import { JoinCode } from './JoinTab';
import { wsMessages } from './messages';
import { ScreenShell } from './ScreenShell';

/** /workshops/:id/join-screen — for the projector: how to join, with the big code and the QR code. */
export default function JoinScreenPage() {
  const { id = '' } = useParams();
  return (
    <ScreenShell backTo={`/workshops/${id}?tab=join`}>
      <JoinScreen id={id} />
    </ScreenShell>
  );
}

function JoinScreen({ id }: { id: string }) {
  const t = useT(wsMessages);
  const q = useWorkshop(id);
  usePageTitle(q.data ? t('beamerTitle', { title: q.data.title }) : t('beamer'));
  if (q.error) return <ErrorMessage error={q.error} />;
  if (!q.data) return <Spinner label={t('loading')} />;
  const w = q.data;
  const url = joinUrl(w.joinCode);
  return (
    <div className="join-screen">
      <h1>{t('beamerTitle', { title: w.title })}</h1>
      <div className="join-screen-body">
        <img className="join-screen-qr" src={api.url(`/workshops/${w.id}/qr.svg`)} alt={t('qrAlt', { url })} />
        <div>
          <p className="join-screen-step">{t('beamerStep1')}</p>
          <p className="join-screen-step">{t('beamerStep2', { host: window.location.host })}</p>
          <JoinCode code={w.joinCode} className="join-screen-code" />
          <p className="join-screen-url">{url}</p>
        </div>
      </div>
    </div>
  );
}
