import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import { STATUS_LABELS } from '../../../domain/labels';
import { useConceptNames } from '../measures/useConcept';
import { useWorkshopBriefs, type WorkshopBrief } from './api';
import { MergeDialog } from './MergeDialog';
import { wsMessages } from './messages';
import type { TabProps } from './WorkshopPage';

/** Steckbriefe: the briefs written in this workshop, by group; merging duplicates. */
export function BriefsTab({ workshop: w, canFacilitate }: TabProps) {
  const t = useT(wsMessages);
  const fmt = useFormat();
  const { names } = useConceptNames();
  const q = useWorkshopBriefs(w.id);
  const [merging, setMerging] = useState(false);
  const [notice, setNotice] = useState('');

  const briefs = q.data ?? [];
  const groups = [...w.groups].sort((a, b) => a.position - b.position);
  const sections: { id: string; name: string; items: WorkshopBrief[] }[] = groups.map((g) => ({
    id: g.id, name: g.name, items: briefs.filter((b) => b.originGroupId === g.id),
  }));
  const rest = briefs.filter((b) => !b.originGroupId || !groups.some((g) => g.id === b.originGroupId));
  if (rest.length) sections.push({ id: 'none', name: t('withoutGroup'), items: rest });

  return (
    <>
      <p className="muted">{t('briefsIntro')}</p>
      <StatusMessage message={notice} />
      {q.isPending && <Spinner label={t('loading')} />}
      <ErrorMessage error={q.error} />
      {q.data && briefs.length === 0 && <EmptyState>{t('noBriefs')}</EmptyState>}
      {canFacilitate && briefs.length > 1 && (
        <p>
          <button type="button" className="btn" onClick={() => { setNotice(''); setMerging(true); }}>{t('merge')}</button>
        </p>
      )}
      {briefs.length > 0 &&
        sections
          .filter((s) => s.items.length > 0)
          .map((s) => (
            <section key={s.id} className="ws-brief-group" aria-labelledby={`briefs-${s.id}`}>
              <h3 id={`briefs-${s.id}`}>
                {s.name} <span className="muted">({s.items.length === 1 ? t('briefsOfGroupOne') : t('briefsOfGroup', { n: s.items.length })})</span>
              </h3>
              <ul className="ws-briefs">
                {s.items.map((b) => {
                  const districts = names.names(b.districtIds);
                  return (
                    <li key={b.id}>
                      <Link to={`/measures/${b.id}`}>{b.title}</Link>
                      <span className="muted">
                        {' '}{t('briefNumber', { n: b.number })} · {districts.length ? districts.join(', ') : t('noDistrictsShort')} ·{' '}
                        {fmt.label(STATUS_LABELS, b.status)}
                        {b.dots != null && b.dotRank != null && ` · ${t('briefDots', { n: b.dots, rank: b.dotRank })}`}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
      {merging && (
        <MergeDialog workshopId={w.id} briefs={briefs} onClose={() => setMerging(false)} onMerged={(m) => { setMerging(false); setNotice(m); }} />
      )}
    </>
  );
}
