import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage, Spinner } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import type { AuditEntry } from '../../../contract/measures';
import { PAYLOAD_FIELDS } from './formModel';
import { measureMessages } from './messages';
import type { ConceptNames } from './useConcept';
import { useValueFormat } from './useValueFormat';

const ORDER = new Map<string, number>(PAYLOAD_FIELDS.map((f, i) => [f, i]));
/** Bookkeeping columns nobody needs to read in the history. */
const HIDDEN = new Set(['version', 'updatedAt', 'createdAt', 'id', 'municipalityId', 'number', 'searchText']);
const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)} …` : s);

/** "Änderungsverlauf": who changed what when, newest first; loaded and shown on request to keep the brief short. */
export function AuditTrail({ measureId, names }: { measureId: string; names: ConceptNames }) {
  const t = useT(measureMessages);
  const fmt = useFormat();
  const { label, value } = useValueFormat(names);
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ['audit', measureId],
    queryFn: () => api.get<AuditEntry[]>(`/measures/${measureId}/audit`),
    enabled: open,
  });
  return (
    <section className="card audit-section" aria-labelledby="audit-title">
      <h2 id="audit-title" style={{ marginTop: 0 }}>{t('audit')}</h2>
      <button type="button" className="btn small" aria-expanded={open} aria-controls="audit-body" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('auditShow')}
      </button>
      <div id="audit-body" hidden={!open}>
        {!open ? null : q.error ? (
          <ErrorMessage error={q.error} />
        ) : q.isPending ? (
          <Spinner label={t('loadingAudit')} />
        ) : !q.data?.length ? (
          <p className="muted">{t('noAudit')}</p>
        ) : (
          <ol className="audit-list">
            {q.data.map((e) => {
              const fields = Object.keys(e.changes)
                .filter((f) => !HIDDEN.has(f))
                .sort((a, b) => (ORDER.get(a) ?? 99) - (ORDER.get(b) ?? 99));
              return (
                <li key={e.id}>
                  <div>
                    <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                    {' – '}
                    {t('auditBy', { who: e.actorName ?? t('system'), action: t(`act_${e.action}`) })}
                  </div>
                  {e.action === 'update' && fields.length > 0 && (
                    <div className="table-wrap">
                      <table className="data">
                        <thead>
                          <tr>
                            <th scope="col">{t('conflictField')}</th>
                            <th scope="col">{t('from')}</th>
                            <th scope="col">{t('to')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {fields.map((f) => (
                            <tr key={f}>
                              <th scope="row">{label(f)}</th>
                              <td>{clip(value(f, e.changes[f][0]))}</td>
                              <td>{clip(value(f, e.changes[f][1]))}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
