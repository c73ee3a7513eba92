import { legendBreaks, legendClassOf } from '../../../domain/legend-classes';

/**
 * Viridis, light to dark: distinguishable with every common colour-vision deficiency and in grey scale.
 * Districts without measures stay light grey; every district has a dark outline (≥ 3:1 on white).
 */
export const PALETTE = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487'];
export const EMPTY = '#eeeeee';
export const OUTLINE = '#1d2329';

export type Mode = 'count' | 'cost';

export interface Classes {
  breaks: number[];
  colourOf: (value: number) => string;
}

export function classesFor(values: number[], mode: Mode): Classes {
  // round bounds over the data's range; costs (cents) in whole euros
  const breaks = legendBreaks(values, PALETTE.length, mode === 'cost' ? 100 : 1);
  // fewer classes than colours: spread them over the palette so light and dark ends are both used
  const colour = (i: number) => PALETTE[breaks.length <= 1 ? PALETTE.length - 1 : Math.round((i * (PALETTE.length - 1)) / (breaks.length - 1))];
  return { breaks, colourOf: (v) => (legendClassOf(v, breaks) < 0 ? EMPTY : colour(legendClassOf(v, breaks))) };
}
