import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useT } from '../../i18n/i18n';
import type { ProcessHome } from '../../../contract/home';
import type { ProcessStep } from '../../../domain/next-step';
import { messages } from './messages';
import './home.css';

type Counts = ProcessHome['counts'];
type Key = keyof typeof messages.de;

/** Where each step's own page is. */
const STEP_PAGE: Record<ProcessStep, string> = {
  concept: '/concept', workshop: '/workshops', briefs: '/measures', dot_vote: '/workshops', scoring: '/priorities',
  decision: '/priorities', responsibilities: '/responsibility', funding: '/funding/kofi', implementation: '/roadmap',
};

/** The figures behind a step: [value, label] (a label with {total} reads "x of total …"). */
function figures(step: ProcessStep, c: Counts): [number, Key, number?][] {
  switch (step) {
    case 'concept': return [[c.dimensions, 'c_dimensions'], [c.actionFields, 'c_actionFields'], [c.goals, 'c_goals'], [c.districts, 'c_districts'], [c.departments, 'c_departments']];
    case 'workshop': return [[c.workshopsHeld, 'c_workshopsHeld', c.workshops]];
    case 'briefs': return [[c.measures, 'c_measures'], [c.measuresFromWorkshops, 'c_measuresFromWorkshops']];
    case 'dot_vote': return [[c.dotRoundsClosed, 'c_dotRoundsClosed']];
    case 'scoring': return [[c.scoringRounds, 'c_scoringRounds'], [c.scoringRoundsRevealed, 'c_scoringRoundsRevealed']];
    case 'decision': return [[c.decisions, 'c_decisions'], [c.decidedMeasures, 'c_decidedMeasures']];
    case 'responsibilities': return [[c.decidedWithLead, 'c_decidedWithLead', c.decidedMeasures]];
    case 'funding': return [[c.decidedWithFunding, 'c_decidedWithFunding', c.decidedMeasures]];
    case 'implementation': return [[c.decidedInImplementation, 'c_decidedInImplementation', c.decidedMeasures], [c.inImplementation, 'c_inImplementation'], [c.done, 'c_done'], [c.overdue, 'c_overdue']];
  }
}

/** The coordinator's home: the process from concept to implementation, its figures, and the one next action. */
export default function ProcessHomePage() {
  const t = useT(messages);
  const me = useMe();
  usePageTitle(t('processTitle'));
  const q = useQuery({ queryKey: ['home', 'process'], queryFn: () => api.get<ProcessHome>('/home/process') });
  const p = q.data;

  return (
    <>
      <PageHeader title={t('processTitle')}>
        <p className="muted intro">{t('processIntro', { name: me.data?.current.municipalityName ?? '' })}</p>
      </PageHeader>
      <ErrorMessage error={q.error} />
      {q.isPending && <Spinner label={t('loading')} />}
      {p && (
        <>
          <section className="card home-next" aria-labelledby="home-next">
            <h2 id="home-next">{t('nextTitle')}{p.next.step && <span className="muted"> · {t(`step_${p.next.step}`)}</span>}</h2>
            <p>{t(`a_${p.next.action}`, { n: p.next.count ?? 0 })}</p>
            <Link className="btn primary" to={p.next.href}>{t(`go_${p.next.action}`)}</Link>
          </section>
          <h2 id="home-steps">{t('steps')}</h2>
          <ol className="home-steps" aria-labelledby="home-steps">
            {p.steps.map(({ step, done }) => {
              const now = p.next.step === step;
              return (
                <li key={step} className={done ? 'done' : now ? 'now' : 'open'} aria-current={now ? 'step' : undefined}>
                  <div className="home-step-head">
                    <span className="home-step-mark" aria-hidden="true">{done ? '✓' : now ? '→' : '·'}</span>
                    <h3><Link to={STEP_PAGE[step]}>{t(`step_${step}`)}</Link></h3>
                    <span className={`badge home-state-${done ? 'done' : now ? 'now' : 'open'}`}>{done ? t('stepDone') : now ? t('stepNow') : t('stepOpen')}</span>
                  </div>
                  <ul className="home-figures">
                    {figures(step, p.counts).map(([value, key, total]) => (
                      <li key={key}><strong>{value}</strong> {t(value === 1 && `${key}1` in messages.de ? (`${key}1` as Key) : key, total == null ? undefined : { total })}</li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
          <p className="home-more">
            <Link to="/dashboard">{t('dashboardLink')}</Link>
            <Link to="/home/department">{t('departmentsLink')}</Link>
          </p>
        </>
      )}
    </>
  );
}
