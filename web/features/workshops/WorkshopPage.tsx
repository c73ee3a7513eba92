import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Alert, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import NotFoundPage from '../../app/NotFoundPage';
import { useFormat, useT } from '../../i18n/i18n';
import type { Workshop } from '../../../contract/workshops';
import { useWorkshop } from './api';
import { BriefsTab } from './BriefsTab';
import { DetailsTab } from './DetailsTab';
import { GroupsTab } from './GroupsTab';
import { JoinTab } from './JoinTab';
import { KIND_LABELS, WORKSHOP_STATUS_LABELS } from './labels';
import { wsMessages, type WsKey } from './messages';
import { ParticipantsTab } from './ParticipantsTab';
import { RoundsTab } from './RoundsTab';
import { useWorkshopDate } from './useWorkshopDate';
import './workshops.css';

const TABS = ['details', 'groups', 'participants', 'join', 'briefs', 'rounds'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, WsKey> = {
  details: 'tabDetails', groups: 'tabGroups', participants: 'tabParticipants', join: 'tabJoin', briefs: 'tabBriefs', rounds: 'tabRounds',
};

export interface TabProps {
  workshop: Workshop;
  canFacilitate: boolean;
}

/** /workshops/:id — the facilitator's page: one section at a time, chosen with ?tab= (deep links work). */
export default function WorkshopPage() {
  const { id = '' } = useParams();
  const t = useT(wsMessages);
  const fmt = useFormat();
  const date = useWorkshopDate();
  const can = useCan();
  const location = useLocation();
  const [params] = useSearchParams();
  const q = useWorkshop(id);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'details';
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstTab = useRef(tab);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const canFacilitate = can.role === 'admin' || can.role === 'coordinator';
  usePageTitle(q.data ? `${t(TAB_LABEL[tab])} – ${q.data.title}` : t('listTitle'));

  // A new section: move focus to its heading (not on the first load).
  useEffect(() => {
    if (firstTab.current === tab) return;
    firstTab.current = '' as Tab;
    headingRef.current?.focus();
  }, [tab]);

  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.error) return <ErrorMessage error={q.error} />;
  if (!q.data) return <Spinner label={t('loading')} />;
  const w = q.data;
  const props: TabProps = { workshop: w, canFacilitate };

  return (
    <>
      <p className="no-print" style={{ margin: '0 0 0.5rem' }}>
        <Link to="/workshops">← {t('back')}</Link>
      </p>
      <PageHeader title={w.title}>
        <p className="brief-meta">
          {fmt.label(KIND_LABELS, w.kind)} · {date(w)}
          {w.place ? ` · ${w.place}` : ''} · <span className={`badge ws-status s-${w.status}`}>{fmt.label(WORKSHOP_STATUS_LABELS, w.status)}</span>
        </p>
      </PageHeader>
      <StatusMessage message={flash} />
      {!canFacilitate && <Alert kind="info">{t('readOnly')}</Alert>}
      <nav aria-label={t('sections')} className="ws-tabs no-print">
        <ul>
          {TABS.map((k) => (
            <li key={k}>
              <Link to={{ search: k === 'details' ? '' : `?tab=${k}` }} aria-current={k === tab ? 'page' : undefined}>
                {t(TAB_LABEL[k])}
                {k === 'participants' && <span className="ws-count">({w.participantCount})</span>}
                {k === 'groups' && <span className="ws-count">({w.groups.length})</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="ws-section-title" className="ws-section">
        <h2 id="ws-section-title" tabIndex={-1} ref={headingRef}>{t(TAB_LABEL[tab])}</h2>
        {tab === 'details' && <DetailsTab {...props} />}
        {tab === 'groups' && <GroupsTab {...props} />}
        {tab === 'participants' && <ParticipantsTab {...props} />}
        {tab === 'join' && <JoinTab {...props} />}
        {tab === 'briefs' && <BriefsTab {...props} />}
        {tab === 'rounds' && <RoundsTab {...props} />}
      </section>
    </>
  );
}
