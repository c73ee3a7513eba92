import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { EmptyState, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useFormat, useT } from '../../i18n/i18n';
import { useWorkshops } from './api';
import { useWorkshopDate } from './useWorkshopDate';
import { KIND_LABELS, WORKSHOP_STATUS_LABELS } from './labels';
import { wsMessages } from './messages';
import { WorkshopCreateDialog } from './WorkshopCreateDialog';
import './workshops.css';

export default function WorkshopListPage() {
  const t = useT(wsMessages);
  const fmt = useFormat();
  const date = useWorkshopDate();
  const can = useCan();
  const location = useLocation();
  const q = useWorkshops();
  const [creating, setCreating] = useState(false);
  const canFacilitate = can.role === 'admin' || can.role === 'coordinator';
  const flash = (location.state as { flash?: string } | null)?.flash;
  usePageTitle(t('listTitle'));

  const cols = { title: t('colTitle'), kind: t('colKind'), date: t('colDate'), status: t('colStatus'), participants: t('colParticipants') };
  return (
    <>
      <PageHeader
        title={t('listTitle')}
        actions={canFacilitate && <button type="button" className="btn primary" onClick={() => setCreating(true)}>{t('newWorkshop')}</button>}
      >
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('listIntro')}</p>
      </PageHeader>
      <StatusMessage message={flash} />
      {q.isPending && <Spinner label={t('loadingList')} />}
      <ErrorMessage error={q.error} />
      {q.data && q.data.length === 0 && (
        <EmptyState>
          <p><strong>{t('empty')}</strong></p>
          <p>{t('emptyHint')}</p>
          {canFacilitate && <button type="button" className="btn primary" onClick={() => setCreating(true)}>{t('firstWorkshop')}</button>}
        </EmptyState>
      )}
      {q.data && q.data.length > 0 && (
        <div className="table-wrap">
          <table className="data ws-table">
            <caption className="visually-hidden">{t('tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{cols.title}</th>
                <th scope="col">{cols.kind}</th>
                <th scope="col">{cols.date}</th>
                <th scope="col">{cols.status}</th>
                <th scope="col" className="num">{cols.participants}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((w) => (
                <tr key={w.id}>
                  <td className="title" data-label={cols.title}>
                    <Link to={`/workshops/${w.id}`}>{w.title}</Link>
                    {w.place && <div className="muted">{w.place}</div>}
                  </td>
                  <td data-label={cols.kind}>{fmt.label(KIND_LABELS, w.kind)}</td>
                  <td data-label={cols.date}><span className="nowrap">{date(w)}</span></td>
                  <td data-label={cols.status}>
                    <span className={`badge ws-status s-${w.status}`}>{fmt.label(WORKSHOP_STATUS_LABELS, w.status)}</span>
                  </td>
                  <td className="num" data-label={cols.participants}>{w.participantCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <WorkshopCreateDialog onClose={() => setCreating(false)} />}
    </>
  );
}
