import { forwardRef } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import type { Roadmap, RoadmapGroup } from '../../../contract/roadmap';
import { clip, HEADER, layout, ROW, WIDTH, LABEL } from './layout';
import { roadmapMessages as messages } from './messages';
import { STATUS_LABELS } from '../../../domain/labels';
import { BAR_EDGE, STATUS_ORDER, STATUS_STYLE, StatusPatterns } from './statusStyle';

const INK = '#1d2329';
const MUTED = '#4f5b66';
const LINE = '#c9d1d8';
const BROKEN = '#b00020';
const GROUP = '#a4161a';
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
/** the status legend above the chart (inside the SVG, so the PNG and the print carry it too) */
const LEGEND_H = 30;

/**
 * The Gantt chart as one self-contained SVG (colours and fonts as attributes, no stylesheet), so it
 * can be serialised to PNG as it is. As an image it has a title and description; the data itself is
 * offered to assistive technology by the table view.
 */
export const Timeline = forwardRef<SVGSVGElement, { data: Roadmap; group: RoadmapGroup; name: (id: string) => string; today: string }>(
  function Timeline({ data, group, name, today }, ref) {
    const t = useT(messages);
    const fmt = useFormat();
    const l = layout(data, group, name, t('noGroup'));
    const broken = new Set(data.violations.map((v) => v.measureId));
    const brokenDeps = new Set(data.violations.flatMap((v) => (v.kind === 'starts_before_predecessor_ends' ? [`${v.measureId}>${v.dependsOnId}`] : [])));
    const byId = new Map(data.items.map((m) => [m.id, m]));
    const showToday = data.range && today >= data.range.start && today <= data.range.end;
    const height = l.height + LEGEND_H;
    // legend entries side by side; widths estimated from the label length (12 px DejaVu Sans ≈ 7.2 px a letter)
    let lx = 6 + t('legendStatus').length * 7.5 + 10;
    const legend = STATUS_ORDER.map((st) => {
      const label = fmt.label(STATUS_LABELS, st);
      const item = { st, label, x: lx };
      lx += 24 + 6 + label.length * 7.2 + 16;
      return item;
    });
    return (
      <svg
        ref={ref}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        className="timeline-svg"
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        fontFamily={FONT}
        fontSize={12}
      >
        <title id="timeline-title">{t('svgTitle', { n: data.items.length, from: fmt.date(data.range?.start), to: fmt.date(data.range?.end) })}</title>
        <desc id="timeline-desc">{t('svgDesc')}</desc>
        <rect x={0} y={0} width={WIDTH} height={height} fill="#ffffff" />
        <defs>
          <StatusPatterns />
          <marker id="arrow" viewBox="0 0 8 8" refX={7} refY={4} markerWidth={7} markerHeight={7} orient="auto">
            <path d="M0,0 L8,4 L0,8 z" fill={MUTED} />
          </marker>
          <marker id="arrow-broken" viewBox="0 0 8 8" refX={7} refY={4} markerWidth={7} markerHeight={7} orient="auto">
            <path d="M0,0 L8,4 L0,8 z" fill={BROKEN} />
          </marker>
        </defs>
        <g>
          <text x={6} y={19} fill={INK} fontWeight="bold">{t('legendStatus')}</text>
          {legend.map(({ st, label, x }) => (
            <g key={st}>
              <rect x={x} y={9} width={24} height={12} rx={2} fill={STATUS_STYLE[st].fill} stroke={BAR_EDGE} strokeDasharray={STATUS_STYLE[st].dash} />
              {STATUS_STYLE[st].mark && <text x={x + 27} y={19} fill={INK} fontSize={11}>{STATUS_STYLE[st].mark}</text>}
              <text x={x + (STATUS_STYLE[st].mark ? 38 : 30)} y={19} fill={INK}>{label}</text>
            </g>
          ))}
        </g>
        <g transform={`translate(0 ${LEGEND_H})`}>
          {l.quarters.map((qx) => (
            <line key={qx} x1={qx} x2={qx} y1={HEADER - 6} y2={l.height} stroke="#e6e9ed" strokeWidth={1} />
          ))}
          {l.years.map((y) => (
            <g key={y.year}>
              <line x1={y.x} x2={y.x} y1={HEADER - 14} y2={l.height} stroke={LINE} strokeWidth={1} />
              <text x={y.x + 4} y={HEADER - 16} fill={INK} fontWeight="bold">{y.year}</text>
            </g>
          ))}
          {showToday && (
            <g>
              <line x1={l.x(today)} x2={l.x(today)} y1={HEADER - 6} y2={l.height} stroke={GROUP} strokeDasharray="4 3" strokeWidth={1.5} />
              <text x={l.x(today) + 3} y={HEADER - 2} fill={GROUP} fontSize={10}>{t('today')}</text>
            </g>
          )}
          {l.rows.map((row, i) =>
            row.kind === 'group' ? (
              <text key={`g${i}`} x={6} y={row.y + 17} fill={GROUP} fontWeight="bold" fontSize={13}>{clip(row.label, 60)}</text>
            ) : (
              <g key={`m${i}`}>
                <line x1={0} x2={WIDTH} y1={row.y + ROW} y2={row.y + ROW} stroke="#eef0f3" />
                <text x={6} y={row.y + 17} fill={broken.has(row.item!.id) ? BROKEN : INK}>
                  {broken.has(row.item!.id) ? '! ' : ''}
                  {clip(row.label)}
                </text>
                <rect
                  x={l.x(row.item!.plannedStart!)}
                  y={row.y + 7}
                  width={Math.max(3, l.x(row.item!.plannedEnd!) - l.x(row.item!.plannedStart!))}
                  height={12}
                  rx={2}
                  fill={STATUS_STYLE[row.item!.status].fill}
                  stroke={broken.has(row.item!.id) ? BROKEN : BAR_EDGE}
                  strokeWidth={broken.has(row.item!.id) ? 2.5 : 1}
                  strokeDasharray={STATUS_STYLE[row.item!.status].dash}
                />
                {STATUS_STYLE[row.item!.status].mark && (
                  <text x={Math.max(l.x(row.item!.plannedEnd!), l.x(row.item!.plannedStart!) + 3) + 4} y={row.y + 18} fill={INK} fontSize={11}>{STATUS_STYLE[row.item!.status].mark}</text>
                )}
                {row.item!.milestones.map((ms) => {
                  const cx = l.x(ms.dueOn);
                  const cy = row.y + 13;
                  return (
                    <path key={ms.id} d={`M${cx},${cy - 7} L${cx + 6},${cy} L${cx},${cy + 7} L${cx - 6},${cy} Z`} fill={ms.done ? INK : '#ffffff'} stroke={INK} strokeWidth={1.2} />
                  );
                })}
              </g>
            ),
          )}
          {data.dependencies.map((d) => {
            const from = byId.get(d.dependsOnId);
            const to = byId.get(d.measureId);
            const y1 = l.yOf.get(d.dependsOnId);
            const y2 = l.yOf.get(d.measureId);
            if (!from || !to || y1 == null || y2 == null) return null;
            const bad = brokenDeps.has(`${d.measureId}>${d.dependsOnId}`);
            const x1 = l.x(from.plannedEnd!);
            const x2 = Math.max(LABEL, l.x(to.plannedStart!) - 2);
            const mid = Math.max(x1 + 8, LABEL);
            return (
              <path
                key={`${d.measureId}>${d.dependsOnId}`}
                d={`M${x1},${y1 + 13} L${mid},${y1 + 13} L${mid},${y2 + 13} L${x2},${y2 + 13}`}
                fill="none"
                stroke={bad ? BROKEN : MUTED}
                strokeWidth={1.5}
                strokeDasharray={bad ? '5 3' : undefined}
                markerEnd={bad ? 'url(#arrow-broken)' : 'url(#arrow)'}
              />
            );
          })}
        </g>
      </svg>
    );
  },
);
