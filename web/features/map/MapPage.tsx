import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { usePageTitle } from '../../app/title';
import type { MapData, MapDistrict } from '../../../contract/map';
import type { MeasurePage } from '../../../contract/measures';
import { classesFor, EMPTY, OUTLINE, type Mode } from './colours';
import { DistrictMap } from './DistrictMap';
import { polygonsOf } from './projection';
import { mapMessages } from './messages';
import './map.css';

export default function MapPage() {
  const t = useT(mapMessages);
  const f = useFormat();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  // Local state answers at once (a controlled radio must not wait for the router); the URL keeps it for reloads and links.
  const [mode, setMode] = useState<Mode>(params.get('by') === 'cost' ? 'cost' : 'count');
  const [selectedId, setSelectedId] = useState<string | null>(params.get('district'));
  const q = useQuery({ queryKey: ['map'], queryFn: () => api.get<MapData>('/map') });
  usePageTitle(t('title'));
  const districts = q.data?.districts;
  const classes = useMemo(() => classesFor((districts ?? []).map((d) => (mode === 'count' ? d.measureCount : d.costCents)), mode), [districts, mode]);

  const set = (key: 'by' | 'district', value: string | null) => {
    if (key === 'by') setMode(value === 'cost' ? 'cost' : 'count');
    else setSelectedId(value);
    const next = new URLSearchParams(params);
    if (value == null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const nameOf = (d: MapDistrict) => t(d.measureCount === 1 ? 'districtLabelOne' : 'districtLabel', { name: d.name, count: d.measureCount, cost: f.money(d.costCents) });
  const fmt = (v: number) => (mode === 'count' ? String(v) : f.money(v));
  // legend bounds are round (domain/legend-classes): millions read as "7,5 Mio. €"
  const compact = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { notation: 'compact', maximumFractionDigits: 2 });
  const bound = (v: number) => (mode === 'cost' && v >= 100_000_000 ? `${compact.format(v / 100)} €` : fmt(v));

  if (q.error) return <ErrorMessage error={q.error} />;
  if (!q.data || !districts) return <Spinner label={t('loading')} />;
  const withBoundary = districts.filter((d) => polygonsOf(d.boundary).length > 0);
  const without = districts.filter((d) => polygonsOf(d.boundary).length === 0);
  const selected = districts.find((d) => d.id === selectedId) ?? null;
  // a count class starts one above the previous bound; a cost class ("7,5 – 10 Mio. €") above its lower bound
  const lower = (i: number) => (i === 0 ? 1 : classes.breaks[i - 1] + (mode === 'count' ? 1 : 0));
  const tileHost = q.data.tileUrl ? new URL(q.data.tileUrl.replace(/\{[zxy]\}/g, '0')).host : null;

  return (
    <>
      <PageHeader title={t('title')}>
        <p className="map-intro">{t('intro')}</p>
      </PageHeader>
      {districts.length === 0 ? (
        <EmptyState>{t('noDistricts')}</EmptyState>
      ) : (
        <>
          <fieldset className="segmented">
            <legend>{t('colourBy')}</legend>
            {(['count', 'cost'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="map-mode" value={m} checked={mode === m} onChange={() => set('by', m === 'count' ? null : m)} />
                {t(m === 'count' ? 'byCount' : 'byCost')}
              </label>
            ))}
          </fieldset>
          <div className="map-layout">
            <div className="map-frame card">
              {withBoundary.length > 0 ? (
                <DistrictMap districts={withBoundary} mode={mode} classes={classes} selectedId={selectedId} onSelect={(id) => set('district', id)}
                  tileUrl={q.data.tileUrl} label={t('mapLabel', { mode: t(mode === 'count' ? 'byCount' : 'byCost') })} nameOf={nameOf} />
              ) : (
                <p>{t('noGeometry')}</p>
              )}
              {tileHost && <p className="map-attribution">{t('tiles', { host: tileHost })}</p>}
            </div>
            <div className="map-legend card" role="group" aria-labelledby="map-legend-title">
              <h2 id="map-legend-title">{t('legend')}: {t(mode === 'count' ? 'byCount' : 'byCost')}</h2>
              <ul>
                <li><Swatch colour={EMPTY} /> {t('none')}</li>
                {classes.breaks.map((b, i) => (
                  <li key={b}>
                    <Swatch colour={classes.colourOf(b)} />{' '}
                    {mode === 'cost' && i === 0 ? t('upTo', { v: bound(b) }) : lower(i) >= b ? bound(b) : t('range', { from: bound(lower(i)), to: bound(b) })}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {without.length > 0 && (
            <p className="map-note">{t('noBoundary', { names: without.map((d) => d.name).join(', ') })} {t('noBoundaryHint')}</p>
          )}
          {q.data.withoutDistrict.measureCount > 0 && (
            <p className="map-note">{t('withoutDistrict', { n: q.data.withoutDistrict.measureCount, cost: f.money(q.data.withoutDistrict.costCents) })}</p>
          )}
          {selected && <SelectedDistrict district={selected} />}
          <ScrollTable label={t('tableCaption')}>
            <table className="data">
              <caption>{t('tableCaption')}</caption>
              <thead>
                <tr><th scope="col">{t('district')}</th><th scope="col" className="num">{t('measures')}</th><th scope="col" className="num">{t('cost')}</th><th scope="col"><span className="visually-hidden">{t('select')}</span></th></tr>
              </thead>
              <tbody>
                {districts.map((d) => (
                  <tr key={d.id} aria-current={d.id === selectedId ? 'true' : undefined}>
                    <th scope="row">{d.name}</th>
                    <td className="num">{d.measureCount}</td>
                    <td className="num">{f.money(d.costCents)}</td>
                    <td>
                      <button type="button" className="btn small" aria-label={t('selectLabel', { name: d.name })} onClick={() => set('district', d.id)}>{t('select')}</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </>
  );
}

const Swatch = ({ colour }: { colour: string }) => <span className="map-swatch" style={{ background: colour, borderColor: OUTLINE }} aria-hidden="true" />;

/** The measures of the selected district (the first 100), each linked to its page. */
function SelectedDistrict({ district }: { district: MapDistrict }) {
  const t = useT(mapMessages);
  const q = useQuery({
    queryKey: ['measures', { district: district.id, map: true }],
    queryFn: () => api.get<MeasurePage>('/measures', { district: district.id, sort: 'number', pageSize: 100 }),
  });
  return (
    <section className="card map-selected" aria-labelledby="map-selected-title" aria-live="polite">
      <h2 id="map-selected-title">{t('selected', { name: district.name })}</h2>
      {q.error ? (
        <ErrorMessage error={q.error} />
      ) : !q.data ? (
        <Spinner label={t('loadingMeasures')} />
      ) : q.data.items.length === 0 ? (
        <p>{t('selectedEmpty')}</p>
      ) : (
        <>
          {q.data.total > q.data.items.length && <p>{t('selectedMore', { n: q.data.total })} <Link to={`/measures?district=${district.id}`}>{t('openList')}</Link></p>}
          <ul>
            {q.data.items.map((m) => (
              <li key={m.id}><Link to={`/measures/${m.id}`}>Nr. {m.number}: {m.title}</Link></li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
