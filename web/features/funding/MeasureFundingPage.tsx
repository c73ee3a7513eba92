import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import NotFoundPage from '../../app/NotFoundPage';
import type { MeasureDetail } from '../../../contract/measures';
import { planMessages as messages } from './planMessages';
import { PlanWorkspace } from './PlanWorkspace';
import { useMatches, usePlan, useProgrammes } from './queries';
import './funding.css';

/** /measures/:id/funding: fitting programmes and the funding plan of one measure. */
export default function MeasureFundingPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const fmt = useFormat();
  const can = useCan();
  const measure = useQuery({ queryKey: ['measure', id], queryFn: () => api.get<MeasureDetail>(`/measures/${id}`) });
  const plan = usePlan(id);
  const programmes = useProgrammes();
  const matches = useMatches(id);
  usePageTitle(measure.data ? t('pageTitle', { title: measure.data.title }) : t('heading'));

  if (measure.error instanceof ApiError && measure.error.status === 404) return <NotFoundPage />;
  const error = measure.error ?? plan.error ?? programmes.error;
  if (error) return <ErrorMessage error={error} />;
  if (!measure.data || !plan.data || !programmes.data) return <Spinner label={t('loading')} />;
  const m = measure.data;
  const period = m.plannedStart || m.plannedEnd ? `${fmt.date(m.plannedStart)} – ${fmt.date(m.plannedEnd)}` : t('noPeriod');

  return (
    <article>
      <p className="back-link no-print"><Link to={`/measures/${m.id}`}>{t('backToMeasure')}</Link></p>
      <PageHeader title={<><span className="eyebrow">{t('heading')}</span> {m.title}</>} actions={<a className="btn" href="#plan">{t('toPlan')}</a>}>
        <dl className="facts-inline">
          <div><dt>{t('number')}</dt><dd>{m.number}</dd></div>
          <div><dt>{t('cost')}</dt><dd>{m.costCents == null ? t('costUnknown') : fmt.money(m.costCents)}</dd></div>
          <div><dt>{t('period')}</dt><dd>{period}</dd></div>
        </dl>
      </PageHeader>
      <PlanWorkspace
        key={m.id}
        measure={m}
        plan={plan.data}
        programmes={programmes.data}
        matches={matches}
        canEdit={can.canEditMeasure(m)}
      />
    </article>
  );
}
