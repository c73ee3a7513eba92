import { Link, useSearchParams } from 'react-router';
import { ErrorMessage, PageHeader } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useConceptNames } from '../measures/useConcept';
import { NeighboursList } from './NeighboursSection';
import { synergyMessages } from './messages';
import './synergies.css';

/**
 * /synergies/my-districts — what other departments plan where a department works. Opens on the signed-in
 * user's own department (linked from the navigation for everyone with one); `?department=` shows another.
 */
export default function NeighboursPage() {
  const t = useT(synergyMessages);
  const can = useCan();
  const { names, error } = useConceptNames();
  const [params, setParams] = useSearchParams();
  const department = params.get('department') || can.departmentId;
  const title = department ? t('neighboursFor', { dept: names.name(department) }) : t('neighbours');
  usePageTitle(title);
  return (
    <>
      <PageHeader title={title}>
        <p className="synergy-intro">{t('neighboursIntro')}</p>
      </PageHeader>
      <ErrorMessage error={error} />
      <form className="card synergy-filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="neighbours-department">{t('department')}</label>
          <select id="neighbours-department" value={department ?? ''} onChange={(e) => setParams(e.target.value ? { department: e.target.value } : {})}>
            {!department && <option value="">{t('chooseDepartment')}</option>}
            {names.departments.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
          </select>
        </div>
        {department && <p><Link to={`/synergies?department=${department}`}>{t('neighboursPairs')}</Link></p>}
      </form>
      {department ? <NeighboursList departmentId={department} names={names} /> : <p>{t('neighboursPick')}</p>}
    </>
  );
}
