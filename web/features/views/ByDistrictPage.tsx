import { useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { Alert, EmptyState, ErrorMessage, Field, PageHeader, Spinner } from '../../components/ui';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import { useConcept } from '../concept/useConcept';
import { messages } from './messages';
import { MeasureGroups, OverviewTable, Summary, useDashboard, useMeasuresBy, useSelection } from './shared';

/** /districts — "Was passiert in meinem Stadtteil?": one district's measures by status, and all districts at a glance. */
export default function ByDistrictPage() {
  const t = useT(messages);
  usePageTitle(t('districtTitle'));
  const { canEditConcept } = useCan();
  const concept = useConcept();
  const districts = useMemo(
    () => [...(concept.data?.districts ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [concept.data],
  );
  const ids = useMemo(() => (concept.data ? districts.map((d) => d.id) : null), [concept.data, districts]);
  const [selected, select] = useSelection('district', 'rf.view.district', ids);
  const district = districts.find((d) => d.id === selected) ?? null;
  const measures = useMeasuresBy('district', selected);
  const dashboard = useDashboard();
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const choose = (id: string, focus = false) => {
    select(id);
    if (focus) requestAnimationFrame(() => resultsHeading.current?.focus());
  };

  const items = measures.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('districtTitle')}>
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('districtIntro')}</p>
      </PageHeader>
      {concept.isPending && <Spinner label={t('loadingConcept')} />}
      <ErrorMessage error={concept.error} />
      {concept.data && districts.length === 0 && (
        <EmptyState>
          <p>{t('noDistricts')}</p>
          {canEditConcept && <Link to="/concept/districts">{t('defineDistricts')}</Link>}
        </EmptyState>
      )}
      {districts.length > 0 && (
        <>
          <div className="card no-print" style={{ maxWidth: '30rem' }}>
            <Field label={t('district')}>
              {(p) => (
                <select {...p} value={selected ?? ''} onChange={(e) => choose(e.target.value)}>
                  <option value="">{t('chooseDistrict')}</option>
                  {districts.map((d) => (
                    <option key={d.id} value={d.id}>{d.name}</option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {district && (
            <section aria-labelledby="district-results">
              <h2 id="district-results" ref={resultsHeading} tabIndex={-1}>
                {t('measuresIn', { name: district.name })}
              </h2>
              {measures.isPending && <Spinner label={t('loading')} />}
              <ErrorMessage error={measures.error} />
              {measures.data && (
                <>
                  <div className="actions" style={{ justifyContent: 'space-between' }}>
                    <Summary items={items} />
                    <Link to={`/measures?district=${district.id}`}>{t('openList')}</Link>
                  </div>
                  {measures.data.total > items.length && (
                    <Alert kind="info">{t('truncated', { shown: items.length, total: measures.data.total })}</Alert>
                  )}
                  {items.length === 0 ? (
                    <EmptyState>{t('districtEmpty')}</EmptyState>
                  ) : (
                    <MeasureGroups items={items} departments={concept.data?.departments ?? []} />
                  )}
                </>
              )}
            </section>
          )}
          <section>
            <h2 id="district-overview">{t('districtOverview')}</h2>
            <ErrorMessage error={dashboard.error} />
            {dashboard.data && (
              <OverviewTable
                caption={t('districtOverview')}
                nameHeader={t('district')}
                buckets={dashboard.data.byDistrict}
                names={districts}
                linkTo={(id) => `/districts?district=${id}`}
                selected={selected}
                onSelect={(id) => choose(id, true)}
              />
            )}
          </section>
        </>
      )}
    </>
  );
}
