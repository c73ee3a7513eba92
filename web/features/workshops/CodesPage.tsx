import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import type { ParticipantCode } from '../../../contract/workshops';
import { spelledCode, useWorkshop } from './api';
import { wsMessages } from './messages';
import { ScreenShell } from './ScreenShell';

/**
 * /workshops/:id/codes — the named participants' personal codes to print and cut out: one slip per
 * person with their name, code and QR code. Outside the app layout, so the printout is only the slips.
 */
export default function CodesPage() {
  const { id = '' } = useParams();
  return (
    <ScreenShell backTo={`/workshops/${id}?tab=participants`}>
      <Codes id={id} />
    </ScreenShell>
  );
}

function Codes({ id }: { id: string }) {
  const t = useT(wsMessages);
  const w = useWorkshop(id);
  const codes = useQuery({ queryKey: ['workshops', id, 'codes'], queryFn: () => api.get<ParticipantCode[]>(`/workshops/${id}/codes`) });
  usePageTitle(w.data ? t('codesTitle', { title: w.data.title }) : t('printCodes'));
  const error = w.error ?? codes.error;
  if (error) return <ErrorMessage error={error} />;
  if (!w.data || !codes.data) return <Spinner label={t('codesLoading')} />;
  const groupName = (g: string | null) => w.data.groups.find((x) => x.id === g)?.name;
  return (
    <div className="codes-page">
      <h1>{t('codesTitle', { title: w.data.title })}</h1>
      <p className="no-print">{t('codesIntro')}</p>
      <p className="no-print">
        <button type="button" className="btn primary" onClick={() => window.print()}>{t('print')}</button>
      </p>
      {codes.data.length === 0 ? (
        <EmptyState>{t('codesEmpty')}</EmptyState>
      ) : (
        <ul className="codes-list">
          {codes.data.map((c) => (
            <li key={c.participantId} className="code-slip" aria-label={t('codeFor', { name: c.name })}>
              <img src={api.url(`/workshops/${id}/participants/${c.participantId}/qr.svg`)} alt={t('codeQrAlt', { name: c.name })} />
              <div>
                <p className="code-slip-name">{c.name}{groupName(c.groupId) ? ` · ${groupName(c.groupId)}` : ''}</p>
                <p className="code-slip-how">{t('codeHow', { host: new URL(c.url).host })}</p>
                <p className="code-slip-code" aria-label={spelledCode(c.code)}>{c.code}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
