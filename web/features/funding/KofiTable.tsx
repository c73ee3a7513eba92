import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ScrollTable } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { LEVELS, type Level } from '../../../domain/financing';
import type { Kofi } from '../../../contract/funding';
import { PLAN_LEVEL_LABELS } from './labels';
import { kofiMessages as messages } from './kofiMessages';

export type KofiView = 'full' | 'years' | 'levels';

type Amounts = Record<string, Record<string, number>>;
const sumLevels = (byLevel: Record<string, number> | undefined) => LEVELS.reduce((a, l) => a + (byLevel?.[l] ?? 0), 0);

/**
 * The KoFi as councils know it: one row per measure (Nr., Titel, Kosten), then the money by year and
 * level ("Jahre und Ebenen"), by year only or by level only, then Fördermittel, Eigenanteil and
 * Finanzierungslücke; a total row at the bottom. Every cell names its headers (`headers`), so screen
 * readers announce measure, year and level.
 */
export function KofiTable({ data, view }: { data: Kofi; view: KofiView }) {
  const t = useT(messages);
  const fmt = useFormat();
  const tableRef = useRef<HTMLTableElement>(null);
  // Printing: shrink the table to the width of a landscape A4 page (≈ 1040 CSS px), see funding.css.
  useEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const update = () => {
      if (window.matchMedia('print').matches) return; // measured on screen only: the zoom itself changes the print layout
      table.style.setProperty('--print-zoom', String(Math.min(1, 1040 / Math.max(1, table.scrollWidth))));
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(table);
    return () => ro.disconnect();
  }, []);
  const level = (l: Level) => fmt.label(PLAN_LEVEL_LABELS, l);
  const years = view === 'levels' ? [] : data.years;
  /** Amounts without the € sign (the caption says "in Euro"), so that more columns fit; 0 shows as a dash. */
  const euros = (c: number | null) => (c == null ? '–' : fmt.money(c).replace(/\s?€\s?/, ''));
  const amount = (c: number) =>
    c === 0 ? (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">0</span>
      </>
    ) : (
      euros(c)
    );

  /** the money columns: [key, header ids] in display order */
  const moneyCols: { key: string; headers: string; value: (byYear: Amounts, byLevel: Record<string, number>) => number }[] = [];
  if (view === 'full') {
    for (const y of years) for (const l of LEVELS) moneyCols.push({ key: `${y}-${l}`, headers: `k-y${y} k-y${y}-${l}`, value: (b) => b[y]?.[l] ?? 0 });
  } else if (view === 'years') {
    for (const y of years) moneyCols.push({ key: y, headers: `k-y${y}`, value: (b) => sumLevels(b[y]) });
  } else {
    for (const l of LEVELS) moneyCols.push({ key: l, headers: `k-l-${l}`, value: (_b, byLevel) => byLevel[l] ?? 0 });
  }
  const two = view === 'full' && years.length > 0;
  const rs = two ? 2 : undefined;

  return (
    <>
    <h2 className="table-heading">{t(`caption_${view}`)}</h2>
    <ScrollTable label={t('tableLabel')}>
      <table ref={tableRef} className={`data kofi-table view-${view}`}>
        <caption className="visually-hidden">{t(`caption_${view}`)}</caption>
        <thead>
          <tr>
            <th scope="col" id="k-no" rowSpan={rs} className="num c-no">{t('colNo')}</th>
            <th scope="col" id="k-title" rowSpan={rs} className="c-title">{t('colTitle')}</th>
            <th scope="col" id="k-cost" rowSpan={rs} className="num">{t('colCost')}</th>
            {view === 'full' && years.map((y) => <th key={y} id={`k-y${y}`} scope="colgroup" colSpan={LEVELS.length} className="year-group">{y}</th>)}
            {view === 'years' && years.map((y) => <th key={y} id={`k-y${y}`} scope="col" className="num">{y}</th>)}
            {view === 'levels' && LEVELS.map((l) => <th key={l} id={`k-l-${l}`} scope="col" className="num">{level(l)}</th>)}
            <th scope="col" id="k-funded" rowSpan={rs} className="num total-col">{t('colFunded')}</th>
            <th scope="col" id="k-own" rowSpan={rs} className="num">{t('colOwn')}</th>
            <th scope="col" id="k-gap" rowSpan={rs} className="num">{t('colGap')}</th>
          </tr>
          {two && (
            <tr>
              {years.map((y) => LEVELS.map((l, i) => (
                <th key={`${y}-${l}`} id={`k-y${y}-${l}`} scope="col" className={`num level-head ${i === 0 ? 'year-start' : ''}`}>{level(l)}</th>
              )))}
            </tr>
          )}
        </thead>
        <tbody>
          {data.rows.map((r) => {
            const rid = `k-r-${r.measureId}`;
            return (
              <tr key={r.measureId}>
                <td className="num c-no" headers={`${rid} k-no`}>{r.number}</td>
                <th scope="row" id={rid} headers="k-title" className="title c-title">
                  <Link to={`/measures/${r.measureId}/funding`}>{r.title}</Link>
                </th>
                <td className="num" headers={`${rid} k-cost`}>{euros(r.costCents)}</td>
                {moneyCols.map((c, i) => (
                  <td key={c.key} className={`num ${view === 'full' && i % LEVELS.length === 0 ? 'year-start' : ''}`} headers={`${rid} ${c.headers}`}>
                    {amount(c.value(r.byYear, r.totals.byLevel))}
                  </td>
                ))}
                <td className="num total-col" headers={`${rid} k-funded`}>{euros(r.totals.fundedCents)}</td>
                <td className="num" headers={`${rid} k-own`}>{euros(r.totals.ownShareCents)}</td>
                <td className={`num ${r.totals.gapCents > 0 ? 'gap-open' : ''}`} headers={`${rid} k-gap`}>{amount(r.totals.gapCents)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" id="k-sum" colSpan={2} className="c-sum">{t('sum')}</th>
            <td className="num" headers="k-sum k-cost">{euros(data.totals.costCents)}</td>
            {moneyCols.map((c, i) => (
              <td key={c.key} className={`num ${view === 'full' && i % LEVELS.length === 0 ? 'year-start' : ''}`} headers={`k-sum ${c.headers}`}>
                {amount(c.value(data.sums, data.totals.byLevel))}
              </td>
            ))}
            <td className="num total-col" headers="k-sum k-funded">{euros(data.totals.fundedCents)}</td>
            <td className="num" headers="k-sum k-own">{euros(data.totals.ownShareCents)}</td>
            <td className="num" headers="k-sum k-gap">{euros(data.totals.gapCents)}</td>
          </tr>
        </tfoot>
      </table>
      {data.years.length === 0 && view !== 'levels' && <p className="muted">{t('noPlans')}</p>}
    </ScrollTable>
    </>
  );
}
