import { z } from 'zod';
import { Id, INT_MAX, trimmed, requiredText } from './common';
import { REPORT_STATES } from '../domain/monitoring';

/** Implementation state of a measure as its lead department reports it (its traffic light). */
export const ReportState = z.enum(REPORT_STATES).describe('Umsetzungsstand: `on_track` im Plan, `minor_issues` kleinere Probleme, `major_issues` größere Probleme, `done` abgeschlossen, `on_hold` ruht, `cancelled` abgebrochen.');
export type ReportState = z.infer<typeof ReportState>;

const MAX_CENTS = 1_000_000_000_000; // 10 billion euro: beyond any town budget, within bigint

export const ReportComment = z.object({
  id: Id,
  reportId: Id,
  authorName: z.string().nullable().describe('Name der kommentierenden Person (nach Löschung ihres Kontos das Pseudonym).'),
  departmentName: z.string().nullable().describe('Amt der kommentierenden Person, falls sie einem Amt angehört.'),
  body: z.string().describe('Text des Kommentars.'),
  createdAt: z.string(),
});
export type ReportComment = z.infer<typeof ReportComment>;

export const StatusReport = z.object({
  id: Id,
  measureId: Id,
  authorName: z.string().nullable().describe('Name der berichtenden Person (nach Löschung ihres Kontos das Pseudonym).'),
  createdAt: z.string(),
  state: ReportState,
  progress: z.number().int().describe('Fortschritt in Prozent (0–100).'),
  spentCents: z.number().int(),
  milestoneIds: z.array(Id).describe('Erreichte Meilensteine (aus dem Zeitplan der Maßnahme).'),
  nextSteps: z.string().describe('Nächste Schritte.'),
  blockers: z.string().describe('Hindernisse (leer: keine).'),
  boardDecisionNeeded: z.boolean().describe('Ob eine Entscheidung des Beirats nötig ist.'),
  cycleId: Id.nullable().describe('Berichtszyklus, zu dem der Bericht gehört (noch ohne Zyklen: null).'),
  previousId: Id.nullable().describe('Der Bericht, auf den dieser folgte (null beim ersten).'),
  unchanged: z.boolean().describe('true, wenn der Bericht den vorigen mit „Unverändert“ übernommen hat.'),
  comments: z.array(ReportComment).describe('Kommentare zum Bericht, älteste zuerst.'),
});
export type StatusReport = z.infer<typeof StatusReport>;

export const ReportInput = z.object({
  basedOn: Id.nullable().describe('Kennung des neuesten Berichts, den das Formular zeigte (null, wenn es noch keinen gab); ist inzwischen ein neuerer da: 409 `report_stale`.'),
  state: ReportState,
  progress: z.number().int().min(0, 'Der Fortschritt liegt zwischen 0 und 100 %.').max(100, 'Der Fortschritt liegt zwischen 0 und 100 %.').describe('Fortschritt in Prozent (0–100).'),
  spentCents: z.number().int().min(0, 'Die bisherigen Ausgaben können nicht negativ sein.').max(MAX_CENTS),
  milestoneIds: z.array(Id).max(200).default([]).describe('Erreichte Meilensteine; jeder muss zur Maßnahme gehören.'),
  nextSteps: trimmed(4000).default('').describe('Nächste Schritte.'),
  blockers: trimmed(4000).default('').describe('Hindernisse (leer: keine).'),
  boardDecisionNeeded: z.boolean().default(false).describe('Ob eine Entscheidung des Beirats nötig ist.'),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const UnchangedInput = z.object({
  basedOn: Id.describe('Kennung des neuesten Berichts, der unverändert übernommen wird; ist inzwischen ein neuerer da: 409 `report_stale`.'),
});

export const CommentInput = z.object({ body: requiredText(4000).describe('Text des Kommentars.') });
export const ReportParams = z.object({ id: Id, reportId: Id });

export const ReportFlag = z.object({
  kind: z.enum(['spending_ahead', 'past_end', 'no_recent_report', 'blocker_persists', 'board_decision']).describe('Art des Hinweises.'),
  reason: z.object({ de: z.string().describe('Begründung auf Deutsch.'), en: z.string().describe('Begründung auf Englisch.') }).describe('Begründung in Worten.'),
});

/** GET /measures/:id/reports: the timeline (newest first), what the form needs, and the flags. */
export const ReportTimeline = z.object({
  measureId: Id,
  items: z.array(StatusReport).describe('Alle Berichte, neueste zuerst.'),
  latest: StatusReport.nullable().describe('Der neueste Bericht (der aktuelle Umsetzungsstand); Vorbelegung des Formulars.'),
  canReport: z.boolean().describe('Ob die angemeldete Person berichten darf (federführendes Amt, Koordination, Administration).'),
  canComment: z.boolean().describe('Ob die angemeldete Person kommentieren darf (federführendes oder mitwirkendes Amt, Koordination, Administration).'),
  flags: z.array(ReportFlag).describe('Hinweise mit Begründung (Ausgaben vor Fortschritt, Ende überschritten, lange kein Bericht, anhaltendes Hindernis, Entscheidung nötig).'),
  cycleDays: z.number().int().max(INT_MAX).describe('Länge des Berichtszyklus in Tagen, nach der ein fehlender Bericht auffällt.'),
});
export type ReportTimeline = z.infer<typeof ReportTimeline>;

export const LatestReport = z.object({ latest: StatusReport.nullable().describe('Der neueste Bericht oder null.') });
