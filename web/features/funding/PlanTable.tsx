import { Link } from 'react-router';
import { ScrollTable } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { byYearAndLevel, LEVELS } from '../../../domain/financing';
import type { FundingProgramme } from '../../../contract/funding';
import { PROGRAMME_LEVEL_LABELS, SOURCE_KIND_LABELS, SOURCE_KINDS, SOURCE_STATUS_LABELS, SOURCE_STATUSES, type SourceKind, type SourceStatus } from './labels';
import { planMessages as messages } from './planMessages';
import { amountValue, cellId, toPlanSources, type Draft, type DraftSource } from './planModel';
import { centsToInput } from './util';

/**
 * The sources of a funding plan as a table: one row per source, one column per year. Editable for
 * editors (every control has its own label: "Quelle 2: Betrag 2027"), plain text for readers.
 * On narrow screens every row becomes a card (funding.css).
 */
export function PlanTable({
  draft,
  onChange,
  programmes,
  readOnly,
  errors,
}: {
  draft: Draft;
  onChange: (next: Draft) => void;
  programmes: FundingProgramme[];
  readOnly: boolean;
  /** control id → message */
  errors: Record<string, string>;
}) {
  const t = useT(messages);
  const fmt = useFormat();
  const { years, sources } = draft;
  const perYear = byYearAndLevel(toPlanSources(draft, programmes));
  const yearSum = (y: string) => LEVELS.reduce((a, l) => a + (perYear[y]?.[l] ?? 0), 0);
  const total = years.reduce((a, y) => a + yearSum(y), 0);
  const rowSum = (s: DraftSource) =>
    Object.values(s.amounts).reduce((a, text) => {
      const v = amountValue(text);
      return v != null && Number.isFinite(v) ? a + v : a;
    }, 0);
  const programmeName = (id: string) => programmes.find((p) => p.id === id)?.name ?? t('unknownProgramme');

  const update = (key: number, patch: Partial<DraftSource>) =>
    onChange({ ...draft, sources: sources.map((s) => (s.key === key ? { ...s, ...patch } : s)) });
  const setAmount = (s: DraftSource, y: string, text: string) => update(s.key, { amounts: { ...s.amounts, [y]: text } });
  const normalise = (s: DraftSource, y: string) => {
    const v = amountValue(s.amounts[y]);
    if (v != null && Number.isFinite(v)) setAmount(s, y, centsToInput(v));
  };
  const remove = (key: number) => onChange({ ...draft, sources: sources.filter((s) => s.key !== key) });

  const cols = { no: t('colNo'), source: t('colSource'), status: t('colStatusDeadline'), sum: t('colSum') };
  const err = (id: string) => errors[id];
  const invalid = (id: string) => ({
    'aria-invalid': err(id) ? true : undefined,
    'aria-describedby': err(id) ? `${id}-error` : undefined,
  });
  const errorText = (id: string) => (err(id) ? <span className="error" id={`${id}-error`}>{err(id)}</span> : null);

  return (
    <ScrollTable label={t('tableLabel')}>
      <table className={`data plan-table ${readOnly ? 'read-only' : 'editing'}`}>
        <caption className="visually-hidden">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{cols.no}</th>
            <th scope="col">{cols.source}</th>
            <th scope="col">{cols.status}</th>
            {years.map((y) => <th key={y} scope="col" className="num">{y}</th>)}
            <th scope="col" className="num">{cols.sum}</th>
            {!readOnly && <th scope="col"><span className="visually-hidden">{t('colActions')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {sources.length === 0 && (
            <tr className="empty-row">
              <td colSpan={years.length + (readOnly ? 4 : 5)}>{t('noSources')}</td>
            </tr>
          )}
          {sources.map((s, i) => {
            const n = i + 1;
            const lbl = (what: string) => t('cellLabel', { n, what });
            const rejected = s.status === 'rejected';
            return (
              <tr key={s.key} className={rejected ? 'rejected' : undefined}>
                <th scope="row" className="num" data-label={cols.no}>
                  <span className="visually-hidden">{t('source')} </span>{n}
                </th>
                <td data-label={cols.source} className="source-cell">
                  {readOnly ? (
                    <div>
                      <span className="source-kind">{fmt.label(SOURCE_KIND_LABELS, s.kind)}</span>
                      {s.kind === 'programme' ? (
                        s.programmeId ? <Link to={`/funding/programmes/${s.programmeId}`}>{programmeName(s.programmeId)}</Link> : '–'
                      ) : (s.label || '–')}
                    </div>
                  ) : (
                    <div className="cell-stack">
                      <select id={cellId(s.key, 'kind')} aria-label={lbl(t('colKind'))} value={s.kind}
                        onChange={(e) => update(s.key, { kind: e.target.value as SourceKind, programmeId: '' })}>
                        {SOURCE_KINDS.map((k) => <option key={k} value={k}>{fmt.label(SOURCE_KIND_LABELS, k)}</option>)}
                      </select>
                      {s.kind === 'programme' ? (
                        <>
                          <select id={cellId(s.key, 'programme')} aria-label={lbl(t('programme'))} value={s.programmeId}
                            onChange={(e) => update(s.key, { programmeId: e.target.value })} {...invalid(cellId(s.key, 'programme'))}>
                            <option value="">{t('choose')}</option>
                            {programmes.map((p) => (
                              <option key={p.id} value={p.id}>{p.name} ({fmt.label(PROGRAMME_LEVEL_LABELS, p.level)})</option>
                            ))}
                          </select>
                          {errorText(cellId(s.key, 'programme'))}
                        </>
                      ) : (
                        <input id={cellId(s.key, 'label')} aria-label={lbl(t('label'))} value={s.label} maxLength={300}
                          placeholder={s.kind === 'municipal_budget' ? t('labelBudgetExample') : t('labelThirdExample')}
                          onChange={(e) => update(s.key, { label: e.target.value })} />
                      )}
                    </div>
                  )}
                </td>
                <td data-label={cols.status} className="status-cell">
                  {readOnly ? (
                    <div>
                      <span className="source-status">{fmt.label(SOURCE_STATUS_LABELS, s.status)}</span>
                      {s.applicationDeadline && <span className="muted nowrap">{t('deadlineShort', { date: fmt.date(s.applicationDeadline) })}</span>}
                    </div>
                  ) : (
                    <div className="cell-stack">
                      <select id={cellId(s.key, 'status')} aria-label={lbl(t('colStatus'))} value={s.status}
                        onChange={(e) => update(s.key, { status: e.target.value as SourceStatus })}>
                        {SOURCE_STATUSES.map((st) => <option key={st} value={st}>{fmt.label(SOURCE_STATUS_LABELS, st)}</option>)}
                      </select>
                      <input type="date" id={cellId(s.key, 'deadline')} aria-label={lbl(t('colDeadline'))} title={t('colDeadline')}
                        value={s.applicationDeadline} onChange={(e) => update(s.key, { applicationDeadline: e.target.value })} />
                    </div>
                  )}
                </td>
                {years.map((y) => {
                  const id = cellId(s.key, `amount-${y}`);
                  return (
                    <td key={y} className="num amount" data-label={y}>
                      {readOnly ? fmt.money(amountValue(s.amounts[y]) ?? null) : (
                        <div>
                          <input id={id} className="amount-input" inputMode="decimal" autoComplete="off" size={11}
                            aria-label={lbl(t('amountIn', { year: y }))} value={s.amounts[y] ?? ''}
                            onChange={(e) => setAmount(s, y, e.target.value)} onBlur={() => normalise(s, y)} {...invalid(id)} />
                          {errorText(id)}
                        </div>
                      )}
                    </td>
                  );
                })}
                <td className="num" data-label={cols.sum}>
                  <div>
                    {fmt.money(rowSum(s))}
                    {rejected && <span className="not-counted"> {t('notCounted')}</span>}
                  </div>
                </td>
                {!readOnly && (
                  <td className="row-remove">
                    <button type="button" className="btn small danger" onClick={() => remove(s.key)} aria-label={t('removeSource', { n })} title={t('removeSource', { n })}>
                      <span aria-hidden="true">✕</span><span className="remove-text"> {t('remove')}</span>
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        {sources.length > 0 && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>{t('sumPerYear')}</th>
              {years.map((y) => <td key={y} className="num" data-label={y}>{fmt.money(yearSum(y))}</td>)}
              <td className="num" data-label={cols.sum}><strong>{fmt.money(total)}</strong></td>
              {!readOnly && <td className="row-remove" />}
            </tr>
          </tfoot>
        )}
      </table>
    </ScrollTable>
  );
}
