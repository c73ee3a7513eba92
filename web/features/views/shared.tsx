import { useEffect } from 'react';
import { ScrollTable } from '../../components/ui';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { HORIZON_LABELS, STATUS_LABELS } from '../../../domain/labels';
import type { Bucket, Dashboard, MeasureListItem, MeasurePage } from '../../../contract/measures';
import type { Department } from '../../../contract/concept';
import { messages } from './messages';

export const PAGE_SIZE = 200;

/** GET /measures with one filter and the largest page; shares the ['measures'] prefix so edits invalidate it. */
export function useMeasuresBy(filter: 'district' | 'department', id: string | null) {
  const query = { [filter]: id ?? '', pageSize: PAGE_SIZE, sort: 'number' };
  return useQuery({
    queryKey: ['measures', 'list', query],
    queryFn: () => api.get<MeasurePage>('/measures', query),
    enabled: !!id,
  });
}

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/dashboard') });
}

/**
 * The selected id lives in the URL (?district=… / ?department=…), so views can be linked and the back
 * button works; the last choice is remembered in localStorage and used when the URL names none
 * (unless a preferred id is given).
 */
export function useSelection(
  param: string,
  storageKey: string,
  valid: string[] | null,
  /** wins over the stored choice when set (e.g. the user's own department) */
  preferred: string | null = null,
) {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(param);
  const selected = fromUrl && (!valid || valid.includes(fromUrl)) ? fromUrl : null;
  useEffect(() => {
    if (fromUrl || !valid) return;
    const stored = localStorage.getItem(storageKey);
    const initial = preferred && valid.includes(preferred) ? preferred : stored;
    if (initial && valid.includes(initial)) setParams({ [param]: initial }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromUrl, valid?.join(','), preferred]);
  const select = (id: string) => {
    if (id) localStorage.setItem(storageKey, id);
    else localStorage.removeItem(storageKey);
    setParams(id ? { [param]: id } : {}, { replace: true });
  };
  return [selected, select] as const;
}

const STATUS_ORDER = Object.keys(STATUS_LABELS);

export function useCountText() {
  const t = useT(messages);
  return (n: number) => (n === 1 ? t('measures1') : t('measuresN', { n }));
}

export function Summary({ items }: { items: MeasureListItem[] }) {
  const t = useT(messages);
  const f = useFormat();
  const countText = useCountText();
  const cost = items.reduce((s, m) => s + (m.costCents ?? 0), 0);
  return <p className="muted">{t('summary', { count: countText(items.length), cost: f.money(cost) })}</p>;
}

/** Measures grouped by status (in workflow order), each group with count, cost and a table of links. */
export function MeasureGroups({
  items,
  departments,
  level = 3,
  context,
}: {
  items: MeasureListItem[];
  departments: Department[];
  /** prefix of the tables' names when a page shows several groupings (lead / partner) */
  context?: string;
  /** heading level of the status groups, to keep the page's heading order */
  level?: 3 | 4;
}) {
  const Heading = level === 4 ? 'h4' : 'h3';
  const t = useT(messages);
  const f = useFormat();
  const countText = useCountText();
  const deptName = (id: string | null) => {
    const d = departments.find((x) => x.id === id);
    return d ? d.shortName || d.name : '–';
  };
  const groups = STATUS_ORDER.map((status) => ({ status, items: items.filter((m) => m.status === status) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <>
      {groups.map((g) => {
        const cost = g.items.reduce((s, m) => s + (m.costCents ?? 0), 0);
        return (
          <div key={g.status} className="status-group">
            <Heading>
              {f.label(STATUS_LABELS, g.status)}
              <span className="muted">
                {countText(g.items.length)} · {f.money(cost)}
              </span>
            </Heading>
            <ScrollTable label={context ? `${context}: ${f.label(STATUS_LABELS, g.status)}` : f.label(STATUS_LABELS, g.status)}>
              <table className="data status-table">
                <caption className="visually-hidden">
                  {context ? `${context}: ${f.label(STATUS_LABELS, g.status)}` : f.label(STATUS_LABELS, g.status)}
                </caption>
                <colgroup>
                  <col className="c-no" />
                  <col />
                  <col className="c-lead" />
                  <col className="c-cost" />
                  <col className="c-horizon" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('number')}</th>
                    <th scope="col">{t('titleCol')}</th>
                    <th scope="col">{t('leadCol')}</th>
                    <th scope="col" className="num">{t('cost')}</th>
                    <th scope="col">{t('horizon')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.items.map((m) => (
                    <tr key={m.id}>
                      <td className="num">{m.number}</td>
                      <th scope="row" style={{ fontWeight: 'normal' }}>
                        <Link to={`/measures/${m.id}`}>{m.title}</Link>
                      </th>
                      <td>{deptName(m.leadDepartmentId)}</td>
                      <td className="num">{f.money(m.costCents)}</td>
                      <td>{f.label(HORIZON_LABELS, m.horizon)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </div>
        );
      })}
    </>
  );
}

/** Count and cost per district/department from the dashboard, with links that select the row. */
export function OverviewTable({
  caption,
  nameHeader,
  countHeader,
  buckets,
  names,
  linkTo,
  selected,
  onSelect,
}: {
  caption: string;
  nameHeader: string;
  countHeader?: string;
  buckets: Bucket[];
  names: { id: string; name: string }[];
  linkTo: (id: string) => string;
  selected: string | null;
  /** called instead of following the link, so the page can move focus to the results */
  onSelect: (id: string) => void;
}) {
  const t = useT(messages);
  const f = useFormat();
  const { locale } = useLocale();
  // Every item of the concept appears, also those without measures; then any extra bucket (e.g. unassigned).
  const rows = [
    ...names.map((n) => {
      const b = buckets.find((x) => x.key === n.id);
      return { key: n.id, label: n.name, count: b?.count ?? 0, costCents: b?.costCents ?? 0, link: true };
    }),
    ...buckets
      .filter((b) => !names.some((n) => n.id === b.key))
      .map((b) => ({ key: b.key || '_none', label: b.key === 'none' && locale === 'en' ? t('unassigned') : b.label || t('unassigned'), count: b.count, costCents: b.costCents, link: false })),
  ];
  return (
    <ScrollTable label={caption}>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="num">{countHeader ?? t('count')}</th>
            <th scope="col" className="num">{t('cost')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" style={{ fontWeight: r.key === selected ? 700 : 'normal' }}>
                {r.link ? (
                  <Link
                    to={linkTo(r.key)}
                    onClick={(e) => {
                      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                      e.preventDefault();
                      onSelect(r.key);
                    }}
                  >
                    {r.label}
                  </Link>
                ) : (
                  r.label
                )}
                {r.key === selected && <span className="visually-hidden"> {t('selected')}</span>}
              </th>
              <td className="num">{r.count}</td>
              <td className="num">{f.money(r.costCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
