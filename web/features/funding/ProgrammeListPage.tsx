import { useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { fold } from '../../../domain/funding-match';
import type { FundingProgramme } from '../../../contract/funding';
import { PROGRAMME_KIND_LABELS, PROGRAMME_LEVEL_LABELS, PROGRAMME_LEVELS, APPLICANT_LABELS } from './labels';
import { messages } from './messages';
import { useProgrammes } from './queries';
import { DeadlineText, SourceLink } from './parts';
import { ProgrammeImportPanel } from './ProgrammeImportPanel';
import './funding.css';

/** /funding/programmes: the municipality's catalogue, filtered by level and text (both kept in the URL). */
export default function ProgrammeListPage() {
  const t = useT(messages);
  const fmt = useFormat();
  const { locale } = useLocale();
  usePageTitle(t('programmesTitle'));
  const can = useCan();
  const location = useLocation();
  const [imported, setImported] = useState<string | null>(null);
  const flash = imported ?? (location.state as { flash?: string } | null)?.flash;
  const q = useProgrammes();
  const [sp, setSp] = useSearchParams();
  const level = (PROGRAMME_LEVELS as readonly string[]).includes(sp.get('level') ?? '') ? (sp.get('level') as string) : '';
  const text = sp.get('q') ?? '';

  const setParam = (key: 'level' | 'q', value: string) => {
    const next = new URLSearchParams(sp);
    if (value) next.set(key, value);
    else next.delete(key);
    setSp(next, { replace: key === 'q' });
  };

  const shown = useMemo(() => {
    const needle = fold(text.trim());
    const haystack = (p: FundingProgramme) =>
      fold([p.name, p.provider, p.rateText, p.description, ...p.topics, ...p.applicants.map((a) => APPLICANT_LABELS[a]?.[locale] ?? a)].join(' '));
    return (q.data ?? []).filter((p) => (!level || p.level === level) && (!needle || haystack(p).includes(needle)));
  }, [q.data, level, text, locale]);

  const cols = {
    name: t('colName'), provider: t('colProvider'), level: t('colLevel'), kind: t('colKind'), rate: t('colRate'),
    deadline: t('colDeadline'), checked: t('colChecked'), source: t('colSource'),
  };

  return (
    <>
      <PageHeader
        title={t('programmesTitle')}
        actions={can.isAdmin && <Link className="btn primary" to="/funding/programmes/new">{t('newProgramme')}</Link>}
      >
        <p className="muted intro">{t('programmesIntro')}</p>
      </PageHeader>
      <StatusMessage message={flash} />

      <form className="funding-filters" role="search" aria-label={t('filterLabel')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="programme-level">{t('filterLevel')}</label>
          <select id="programme-level" value={level} onChange={(e) => setParam('level', e.target.value)}>
            <option value="">{t('allLevels')}</option>
            {PROGRAMME_LEVELS.map((l) => <option key={l} value={l}>{fmt.label(PROGRAMME_LEVEL_LABELS, l)}</option>)}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="programme-text">{t('filterText')}</label>
          <span className="hint" id="programme-text-hint">{t('filterTextHint')}</span>
          <input id="programme-text" type="search" value={text} autoComplete="off" aria-describedby="programme-text-hint"
            onChange={(e) => setParam('q', e.target.value)} />
        </div>
      </form>

      <p className="result-count" role="status">
        {q.isPending ? t('loadingProgrammes') : shown.length === 1 ? t('programmesOne') : t('programmesN', { n: shown.length })}
      </p>
      <ErrorMessage error={q.error} />
      {q.isPending ? (
        <Spinner label={t('loadingProgrammes')} />
      ) : shown.length === 0 ? (
        !q.error && (
          <EmptyState>
            <p><strong>{t('noProgrammes')}</strong></p>
            {(level || text) && (
              <button type="button" className="btn" onClick={() => setSp(new URLSearchParams())}>{t('resetFilters')}</button>
            )}
          </EmptyState>
        )
      ) : (
        <ScrollTable label={t('programmesTitle')}>
          <table className="data stack-table programmes">
            <caption className="visually-hidden">{t('programmesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{cols.name}</th>
                <th scope="col">{cols.provider}</th>
                <th scope="col">{cols.level}</th>
                <th scope="col">{cols.kind}</th>
                <th scope="col">{cols.rate}</th>
                <th scope="col">{cols.deadline}</th>
                <th scope="col">{cols.checked}</th>
                <th scope="col">{cols.source}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td className="title" data-label={cols.name}><Link to={`/funding/programmes/${p.id}`}>{p.name}</Link></td>
                  <td data-label={cols.provider}>{p.provider || '–'}</td>
                  <td data-label={cols.level}>{fmt.label(PROGRAMME_LEVEL_LABELS, p.level)}</td>
                  <td data-label={cols.kind}>{fmt.label(PROGRAMME_KIND_LABELS, p.kind)}</td>
                  <td data-label={cols.rate}>{p.rateText || '–'}</td>
                  <td data-label={cols.deadline}><DeadlineText windows={p.windows} /></td>
                  <td data-label={cols.checked} className="nowrap">{fmt.date(p.lastChecked)}</td>
                  <td data-label={cols.source}>{p.sourceUrl ? <SourceLink url={p.sourceUrl} name={p.name} /> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {can.isAdmin && <ProgrammeImportPanel onDone={setImported} />}
    </>
  );
}
