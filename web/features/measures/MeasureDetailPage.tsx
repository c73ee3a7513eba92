import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ConfirmDialog, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { MeasureDetail } from '../../../contract/measures';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import NotFoundPage from '../../app/NotFoundPage';
import { Attachments } from './Attachments';
import { RelatedMeasures } from '../synergies/RelatedMeasures';
import { AuditTrail } from './AuditTrail';
import { BriefView } from './BriefView';
import { measureMessages } from './messages';
import { planMessages } from '../funding/planMessages';
import { useConceptNames } from './useConcept';
import { MeasurePlanSection } from '../roadmap/MeasurePlanSection';
import { ReportsSection } from '../monitoring/ReportsSection';
import './measures.css';

export default function MeasureDetailPage() {
  const { id = '' } = useParams();
  const t = useT(measureMessages);
  const tf = useT(planMessages);
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const can = useCan();
  const q = useQuery({ queryKey: ['measure', id], queryFn: () => api.get<MeasureDetail>(`/measures/${id}`) });
  const { names, error: conceptError } = useConceptNames();
  const [confirm, setConfirm] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const flash = (location.state as { flash?: string } | null)?.flash;
  usePageTitle(q.data?.title ?? t('listTitle'));

  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.error) return <ErrorMessage error={q.error} />;
  if (!q.data) return <Spinner label={t('loadingMeasure')} />;
  const m = q.data;
  const canEdit = can.canEditMeasure(m);

  async function remove() {
    setConfirm(false);
    setDeleting(true);
    setError(null);
    try {
      await api.del(`/measures/${m.id}`, { version: m.version });
      navigate('/measures', { state: { flash: t('deleted', { title: m.title }) } });
      qc.removeQueries({ queryKey: ['measure', m.id] });
      qc.removeQueries({ queryKey: ['audit', m.id] });
      qc.invalidateQueries({ queryKey: ['measures'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409) q.refetch();
    } finally {
      setDeleting(false);
    }
  }

  return (
    <article>
      <div className="brief-head">
        <PageHeader
          title={m.title}
          actions={
            <>
              {canEdit && <Link className="btn primary" to={`/measures/${m.id}/edit`}>{t('edit')}</Link>}
              <Link className="btn" to={`/measures/${m.id}/funding`}>{tf('heading')}</Link>
              <a className="btn" href={api.url(`/measures/${m.id}/brief.pdf`)} download>{t('pdf')}</a>
              <a className="btn" href={api.url(`/measures/${m.id}/brief.docx`)} download>{t('docx')}</a>
              <button type="button" className="btn" onClick={() => window.print()}>{t('print')}</button>
              {canEdit && (
                <button type="button" className="btn danger" onClick={() => setConfirm(true)} disabled={deleting}>{t('delete')}</button>
              )}
            </>
          }
        >
          <p className="brief-meta">{t('detailNumber', { n: m.number })}</p>
        </PageHeader>
      </div>
      <StatusMessage message={flash} />
      {deleting && <Spinner label={t('deleting')} />}
      <ErrorMessage error={error} />
      <ErrorMessage error={conceptError} />
      <BriefView m={m} names={names} />
      <Attachments measure={m} canEdit={canEdit} />
      <RelatedMeasures measure={m} names={names} />
      <MeasurePlanSection measureId={m.id} canEdit={canEdit} />
      <ReportsSection measureId={m.id} />
      <AuditTrail measureId={m.id} names={names} />
      <ConfirmDialog open={confirm} title={t('deleteTitle')} confirmLabel={t('delete')} cancelLabel={t('cancel')} danger
        onConfirm={remove} onCancel={() => setConfirm(false)}>
        <p>{t('deleteText', { title: m.title })}</p>
      </ConfirmDialog>
    </article>
  );
}
