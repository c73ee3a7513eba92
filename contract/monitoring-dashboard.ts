import { z } from 'zod';
import { Id } from './common';
import { MeasureQuery } from './measures';
import { ReportFlag, ReportState } from './monitoring';

/** GET /monitoring/dashboard: the measure list's filters (same parsing) plus the weighting rule. */
export const DashboardQuery = MeasureQuery.pick({ q: true, district: true, department: true, actionField: true, goal: true, dimension: true, status: true, priority: true, horizon: true, tag: true })
  .extend({
    weighting: z.enum(['cost', 'equal']).default('cost').describe('Gewichtung des Fortschritts: `cost` nach geplanten Kosten (Standard), `equal` jede Maßnahme gleich.'),
  });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const Words = z.object({ de: z.string().describe('Auf Deutsch.'), en: z.string().describe('Auf Englisch.') });

export const DashboardWeight = z.object({
  measureId: Id,
  weight: z.number().describe('Gewicht der Maßnahme (geplante Kosten in Cent oder 1).'),
  sharePercent: z.number().describe('Anteil am Gesamtgewicht der Gruppe in Prozent (eine Nachkommastelle).'),
  progress: z.number().int().describe('Gezählter Fortschritt: abgeschlossen 100, ohne Bericht 0.'),
});

const count = (what: string) => z.number().int().describe(`Anzahl ${what}.`);
export const StateCounts = z.object({
  on_track: count('im Plan'), minor_issues: count('mit kleineren Problemen'), major_issues: count('mit größeren Problemen'), done: count('abgeschlossen'),
  on_hold: count('ruhend'), cancelled: count('abgebrochen'), none: count('ohne Bericht'),
});
export const IndicatorCounts = z.object({ on_course: count('auf Kurs'), at_risk: count('gefährdet'), off_course: count('nicht auf Kurs'), no_data: count('ohne aktuelle Werte') });

export const DashboardGroup = z.object({
  key: Id.nullable().describe('Kennung der Gruppe (Ziel, Handlungsfeld, Dimension, Stadtteil, federführendes Amt); null: ohne Zuordnung.'),
  label: z.string().nullable().describe('Name der Gruppe; null: ohne Zuordnung.'),
  measureCount: z.number().int().describe('Maßnahmen der Gruppe (auch abgebrochene).'),
  progress: z.number().int().nullable().describe('Fortschritt in ganzen Prozent; null, wenn nichts zu zählen bleibt.'),
  exact: z.number().nullable().describe('Ungerundeter Fortschritt zum Nachrechnen.'),
  weighting: z.enum(['cost', 'equal', 'explicit']).describe('Tatsächlich verwendete Gewichtung (nach Kosten fällt auf gleich zurück, wenn einer Maßnahme die Kosten fehlen).'),
  rule: Words.describe('Die Regel in Worten.'),
  weights: z.array(DashboardWeight).describe('Gewichte je gezählter Maßnahme.'),
  cancelled: z.array(Id).describe('Abgebrochene Maßnahmen: nicht gezählt.'),
  unreported: z.array(Id).describe('Maßnahmen ohne Bericht: mit 0 % gezählt.'),
  withoutCost: z.array(Id).describe('Gezählte Maßnahmen ohne geplante Kosten.'),
  states: StateCounts.describe('Anzahl Maßnahmen je Umsetzungsstand (Ampel) – getrennt vom Fortschritt.'),
  flagged: z.number().int().describe('Maßnahmen der Gruppe mit mindestens einem Hinweis.'),
  indicators: IndicatorCounts.nullable().describe('Nur bei Zielen: Anzahl der Indikatoren je Zustand – getrennt vom Fortschritt; sonst null.'),
});
export type DashboardGroup = z.infer<typeof DashboardGroup>;

export const DashboardMeasure = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string(),
  costCents: z.number().nullable(),
  state: ReportState.nullable().describe('Umsetzungsstand des neuesten Berichts; null ohne Bericht.'),
  progress: z.number().int().nullable().describe('Fortschritt des neuesten Berichts; null ohne Bericht.'),
  flags: z.array(ReportFlag).describe('Hinweise mit Begründung.'),
});
export type DashboardMeasure = z.infer<typeof DashboardMeasure>;

export const MonitoringDashboard = z.object({
  weighting: z.enum(['cost', 'equal']).describe('Angefragte Gewichtung.'),
  today: z.string().describe('Stichtag der Hinweise (JJJJ-MM-TT).'),
  cycleDays: z.number().int().describe('Berichtszyklus in Tagen (Hinweis „lange kein Bericht“).'),
  overall: DashboardGroup.describe('Alle gefilterten Maßnahmen zusammen.'),
  groupings: z.object({
    goal: z.array(DashboardGroup),
    actionField: z.array(DashboardGroup),
    dimension: z.array(DashboardGroup),
    district: z.array(DashboardGroup),
    department: z.array(DashboardGroup).describe('Nach federführendem Amt.'),
  }).describe('Gruppen je Zuordnungsart; eine Maßnahme zählt in jeder ihrer Gruppen.'),
  measures: z.array(DashboardMeasure).describe('Die gefilterten Maßnahmen mit Stand, Fortschritt und Hinweisen (zum Auflösen der Kennungen in den Gewichten).'),
});
export type MonitoringDashboard = z.infer<typeof MonitoringDashboard>;
