import type { Messages } from '../../i18n/i18n';

/**
 * The texts of the result bars (ResultBars.tsx), on their own so that the guest's light join page carries
 * these nine and not all of roundMessages (which includes them).
 */
export const resultBarsMessages = {
  de: {
    noDotsYet: 'Noch keine Punkte.',
    chart: 'Punkte je Eintrag, nach Rang',
    colRank: 'Rang',
    colDots: 'Punkte',
    tieTitle: 'Gleichstand an der Grenze',
    cutLine: 'Grenze der Top {n}',
    tieNote: 'Gleichstand an der Grenze (Platz {rank}): Für die Top {n} {seats}.',
    seatsOne: 'ist noch 1 Platz frei',
    seatsMany: 'sind noch {n} Plätze frei',
  },
  en: {
    noDotsYet: 'No dots yet.',
    chart: 'Dots per item, by rank',
    colRank: 'Rank',
    colDots: 'Dots',
    tieTitle: 'Tie at the cut',
    cutLine: 'Cut of the Top {n}',
    tieNote: 'Tie at the cut (rank {rank}): for the Top {n} {seats}.',
    seatsOne: '1 place is left',
    seatsMany: '{n} places are left',
  },
} satisfies Messages;
