import { useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { Alert, EmptyState, ErrorMessage, Field, PageHeader, Spinner } from '../../components/ui';
import { useCan, useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import { useConcept } from '../concept/useConcept';
import { messages } from './messages';
import { MeasureGroups, OverviewTable, Summary, useDashboard, useMeasuresBy, useSelection } from './shared';

/**
 * /departments — "Meine Amtsmaßnahmen": the measures a department leads and, separately, those it
 * takes part in as a partner. The server's department filter matches lead OR partner; the split is
 * made here by leadDepartmentId.
 */
export default function ByDepartmentPage() {
  const t = useT(messages);
  const me = useMe();
  const { canEditConcept } = useCan();
  const concept = useConcept();
  const own = me.data?.current.departmentId ?? null;
  const departments = useMemo(
    () => [...(concept.data?.departments ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [concept.data],
  );
  const ids = useMemo(() => (concept.data && me.data ? departments.map((d) => d.id) : null), [concept.data, me.data, departments]);
  const [selected, select] = useSelection('department', 'rf.view.department', ids, own);
  const department = departments.find((d) => d.id === selected) ?? null;
  const isOwn = !!own && selected === own;
  const title = isOwn ? t('departmentTitleOwn') : t('departmentTitle');
  usePageTitle(title);
  const measures = useMeasuresBy('department', selected);
  const dashboard = useDashboard();
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const choose = (id: string, focus = false) => {
    select(id);
    if (focus) requestAnimationFrame(() => resultsHeading.current?.focus());
  };

  const items = measures.data?.items ?? [];
  const lead = items.filter((m) => m.leadDepartmentId === selected);
  const partner = items.filter((m) => m.leadDepartmentId !== selected);
  const deptLabel = (d: { id: string; name: string; shortName: string }) => {
    const name = d.shortName ? `${d.name} (${d.shortName})` : d.name;
    return d.id === own ? t('ownDepartment', { name }) : name;
  };

  return (
    <>
      <PageHeader title={title}>
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('departmentIntro')}</p>
      </PageHeader>
      {concept.isPending && <Spinner label={t('loadingConcept')} />}
      <ErrorMessage error={concept.error} />
      {concept.data && departments.length === 0 && (
        <EmptyState>
          <p>{t('noDepartments')}</p>
          {canEditConcept && <Link to="/concept/departments">{t('defineDepartments')}</Link>}
        </EmptyState>
      )}
      {departments.length > 0 && (
        <>
          <div className="card no-print" style={{ maxWidth: '30rem' }}>
            <Field label={t('department')}>
              {(p) => (
                <select {...p} value={selected ?? ''} onChange={(e) => choose(e.target.value)}>
                  <option value="">{t('chooseDepartment')}</option>
                  {departments.map((d) => (
                    <option key={d.id} value={d.id}>{deptLabel(d)}</option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {department && (
            <section aria-labelledby="department-results">
              <h2 id="department-results" ref={resultsHeading} tabIndex={-1}>
                {department.name}
              </h2>
              {measures.isPending && <Spinner label={t('loading')} />}
              <ErrorMessage error={measures.error} />
              {measures.data && (
                <>
                  <div className="actions" style={{ justifyContent: 'space-between' }}>
                    <Summary items={items} />
                    <span className="actions">
                      <Link to={`/synergies/my-districts?department=${department.id}`}>{t('neighbours')}</Link>
                      <Link to={`/measures?department=${department.id}`}>{t('openList')}</Link>
                    </span>
                  </div>
                  {measures.data.total > items.length && (
                    <Alert kind="info">{t('truncated', { shown: items.length, total: measures.data.total })}</Alert>
                  )}
                  <Part title={t('lead')} count={lead.length} empty={t('leadEmpty')}>
                    <MeasureGroups items={lead} departments={departments} level={4} context={t('lead')} />
                  </Part>
                  <Part title={t('partner')} count={partner.length} empty={t('partnerEmpty')}>
                    <MeasureGroups items={partner} departments={departments} level={4} context={t('partner')} />
                  </Part>
                </>
              )}
            </section>
          )}
          <section>
            <h2 id="department-overview">{t('departmentOverview')}</h2>
            <ErrorMessage error={dashboard.error} />
            {dashboard.data && (
              <OverviewTable
                caption={t('departmentOverview')}
                nameHeader={t('department')}
                countHeader={t('countLead')}
                buckets={dashboard.data.byDepartment}
                names={departments}
                linkTo={(id) => `/departments?department=${id}`}
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

function Part({ title, count, empty, children }: { title: string; count: number; empty: string; children: React.ReactNode }) {
  return (
    <div className="card">
      <h3 style={{ marginTop: 0, fontSize: '1.15rem' }}>
        {title} <span className="muted" style={{ fontWeight: 'normal' }}>({count})</span>
      </h3>
      {count === 0 ? <p className="muted">{empty}</p> : children}
    </div>
  );
}
