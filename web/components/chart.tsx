import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Messages } from '../i18n/i18n';
import { useT } from '../i18n/i18n';

const messages: Messages<'showTable' | 'hideTable'> = {
  de: { showTable: 'Werte als Tabelle zeigen', hideTable: 'Tabelle ausblenden' },
  en: { showTable: 'Show values as a table', hideTable: 'Hide table' },
};

/**
 * The width of a chart's container (at least `min`), following resizes, so the SVG is drawn 1:1 and its
 * text stays readable on phones. `active` re-attaches the observer when the container first appears.
 */
export function useChartWidth(initial: number, min: number, active: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWidth(Math.max(min, Math.floor(el.clientWidth)));
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [active, min]);
  return [ref, width] as const;
}

/**
 * A chart's numbers as a table behind a toggle: visually hidden until shown (but shown when focused and
 * when printed, see styles.css), so screen readers, keyboards and paper get everything the picture shows.
 */
export function ChartTable({ children }: { children: ReactNode }) {
  const t = useT(messages);
  const tableId = useId();
  const [shown, setShown] = useState(false);
  return (
    <>
      <button type="button" className="linkish no-print chart-table-toggle" aria-expanded={shown} aria-controls={tableId} onClick={() => setShown((s) => !s)}>
        {shown ? t('hideTable') : t('showTable')}
      </button>
      <div id={tableId} className={shown ? 'chart-table' : 'chart-table visually-hidden'}>
        {children}
      </div>
    </>
  );
}
