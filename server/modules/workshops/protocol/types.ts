/**
 * The workshop protocol as the documents see it: every id resolved to a display name, every label
 * already in the document language. Built from Workshop, Participant, the workshop's briefs, Round and
 * RoundResults (contract/workshops.ts); the renderers below do no database work.
 */
export interface ProtocolView {
  municipalityName: string;
  workshop: {
    title: string;
    kindLabel: string;
    startsOn: string | null; // 'YYYY-MM-DD'
    endsOn: string | null; // 'YYYY-MM-DD'
    place: string;
    onlineUrl: string;
    facilitators: string;
    agenda: string;
  };
  participants: { name: string; group: string | null; guest: boolean }[];
  groups: { name: string; briefs: { number: number; title: string; need: string; goal: string; costCents: number | null }[] }[];
  rounds: {
    title: string;
    subjectLabel: string;
    statusLabel: string;
    /** the rules in plain words, one sentence each (as `MyRound.rulesText`) */
    rulesText: string[];
    openedAt: string | null; // ISO timestamp
    closedAt: string | null; // ISO timestamp
    eligible: number;
    voters: number;
    totalDots: number;
    topN: number;
    /**
     * In rank order (as `RoundResults.rows`). `share` is the fraction of all dots, 0…1 (0.127 → "12,7 %");
     * `selected` marks the rows in the Top N (including those chosen by a decision).
     */
    rows: { rankLabel: string; label: string; dots: number; supporters: number; share: number; selected: boolean }[];
    /** the labels tied at the Top-N cut and how many places are left for them */
    cutTie: { candidates: string[]; seatsLeft: number } | null;
    /** `at` is an ISO timestamp */
    decision: { chosen: string[]; reason: string; by: string; at: string } | null;
    runoffOf: string | null; // title of the round whose tie this run-off decides
  }[];
  photos: { caption: string; mimeType: string; data: Buffer }[]; // flip-chart photos (png/jpeg)
}

export interface ProtocolContext {
  locale: 'de' | 'en';
  generatedAt: Date;
}

export type ProtocolRound = ProtocolView['rounds'][number];
export type ProtocolRow = ProtocolRound['rows'][number];
