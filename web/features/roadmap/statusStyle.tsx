import type { MeasureStatus } from '../../../contract/measures';

/**
 * How a bar of the timeline shows its measure's status: a fill and a pattern or edge of its own for each
 * status, so that the status never rests on colour alone (WCAG 1.4.1), and a dark outline on every bar
 * (at least 3:1 against the white chart, WCAG 1.4.11). Plain SVG attributes: the PNG export keeps them.
 */
export const STATUS_ORDER: MeasureStatus[] = ['idea', 'brief', 'prioritised', 'planning', 'implementation', 'done', 'on_hold'];
export const BAR_EDGE = '#1d2329';

interface BarStyle { fill: string; dash?: string; mark?: string }

export const STATUS_STYLE: Record<MeasureStatus, BarStyle> = {
  idea: { fill: '#ffffff', dash: '3 2' }, // hollow, dashed edge
  brief: { fill: '#d5dae0' }, // light grey
  prioritised: { fill: 'url(#st-hatch)' }, // blue diagonal hatching
  planning: { fill: 'url(#st-dots)' }, // dark dots on light blue
  implementation: { fill: '#2f6f4e' }, // solid green
  done: { fill: '#1d2329', mark: '✓' }, // solid dark, with a tick after the bar
  on_hold: { fill: 'url(#st-cross)' }, // amber cross-hatching
};

/** The patterns the styles refer to; once per SVG, inside its <defs>. */
export function StatusPatterns() {
  return (
    <>
      <pattern id="st-hatch" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width={6} height={6} fill="#ffffff" />
        <line x1={0} y1={0} x2={0} y2={6} stroke="#1f5aa6" strokeWidth={3} />
      </pattern>
      <pattern id="st-dots" width={5} height={5} patternUnits="userSpaceOnUse">
        <rect width={5} height={5} fill="#cfe0f5" />
        <circle cx={2.5} cy={2.5} r={1.3} fill="#173b6c" />
      </pattern>
      <pattern id="st-cross" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width={6} height={6} fill="#fff4d6" />
        <line x1={0} y1={0} x2={0} y2={6} stroke="#8a6d00" strokeWidth={1.5} />
        <line x1={0} y1={0} x2={6} y2={0} stroke="#8a6d00" strokeWidth={1.5} />
      </pattern>
    </>
  );
}
