import { z } from 'zod';
import { Id, IsoDate, requiredText, Version } from './common';
import { ReportState } from './monitoring';

/** Reporting cycles (issue 15, part 4): the coordinators ask every lead department for its reports. */
export const ReportingCycle = z.object({
  id: Id,
  title: z.string().describe('Bezeichnung, z. B. „Q1 2027“ (je Kommune eindeutig).'),
  openedAt: z.string(),
  dueOn: IsoDate.describe('Fälligkeit der Berichte.'),
  reminderDaysBefore: z.number().int().describe('So viele Tage vor der Fälligkeit werden Ämter mit fehlenden Berichten erinnert.'),
  closedAt: z.string().nullable().describe('Abgeschlossen am (null: offen).'),
  closedByName: z.string().nullable(),
  version: Version,
});
export type ReportingCycle = z.infer<typeof ReportingCycle>;

export const OpenCycleInput = z.object({
  title: requiredText(200).optional().describe('Bezeichnung; ohne Angabe das Quartal der Fälligkeit, z. B. „Q1 2027“.'),
  dueOn: IsoDate.describe('Fälligkeit der Berichte (nicht in der Vergangenheit).'),
  reminderDaysBefore: z.number().int().min(0).max(90).default(7).describe('Erinnerung so viele Tage vor der Fälligkeit (0–90, Standard 7).'),
});

export const DepartmentProgress = z.object({
  departmentId: Id,
  departmentName: z.string(),
  led: z.number().int().describe('Maßnahmen, die das Amt federführend leitet.'),
  reported: z.number().int().describe('Davon in diesem Zyklus berichtet.'),
  missing: z.array(z.object({ measureId: Id, number: z.number().int(), title: z.string() })).describe('Noch ohne Bericht in diesem Zyklus.'),
  lastReminderAt: z.string().nullable().describe('Letzte Erinnerung (automatisch oder von Hand).'),
});

export const SnapshotItem = z.object({
  measureId: Id,
  number: z.number().int(),
  title: z.string(),
  leadDepartmentId: Id.nullable(),
  report: z
    .object({ id: Id, createdAt: z.string(), cycleId: Id.nullable(), state: ReportState, progress: z.number().int(), spentCents: z.number().int(), blockers: z.string().describe('Hindernisse (leer: keine).'), boardDecisionNeeded: z.boolean().describe('Ob eine Entscheidung des Beirats nötig ist.') })
    .nullable()
    .describe('Der neueste Bericht beim Abschluss (null: nie berichtet).'),
});

export const CycleDetail = ReportingCycle.extend({
  departments: z.array(DepartmentProgress).describe('Je federführendem Amt: geleitete, berichtete und fehlende Maßnahmen.'),
  snapshot: z.array(SnapshotItem).nullable().describe('Beim Abschluss festgehaltener Stand jeder Maßnahme (unveränderlich); null, solange offen.'),
});
export type CycleDetail = z.infer<typeof CycleDetail>;

export const MyReportItem = z.object({
  measureId: Id,
  number: z.number().int(),
  title: z.string(),
  departmentName: z.string(),
  latestReportId: Id.nullable().describe('Neuester Bericht (für `basedOn` und „Unverändert“).'),
  latestState: ReportState.nullable(),
  latestProgress: z.number().int().nullable().describe('Fortschritt laut neuestem Bericht (null: noch keiner).'),
  reportedInCycle: z.boolean().describe('Ob im Zyklus schon berichtet wurde.'),
});
export const MyReports = z.object({
  cycle: ReportingCycle.describe('Der Berichtszyklus.'),
  items: z.array(MyReportItem).describe('Die Maßnahmen, die das eigene Amt leitet (Koordination: alle mit federführendem Amt).'),
});
export type MyReports = z.infer<typeof MyReports>;

export const CloseCycleInput = z.object({ version: Version });
export const RemindParams = z.object({ id: Id, departmentId: Id });
export const RemindResult = z.object({ notified: z.number().int().describe('Benachrichtigte Personen.'), missing: z.number().int().describe('Fehlende Berichte des Amtes.') });
