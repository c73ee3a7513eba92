import { z } from 'zod';
import { Id, IsoDate, requiredText, trimmed, Version } from './common';
import { INDICATOR_KINDS, INDICATOR_STATES } from '../domain/indicators';

/** Measured and target values: finite, and within what a numeric column and a chart can take. */
const LIMIT = 1_000_000_000_000;
export const IndicatorNumber = z.number().min(-LIMIT, 'Der Wert ist zu klein.').max(LIMIT, 'Der Wert ist zu groß.');

export const IndicatorKind = z.enum(INDICATOR_KINDS).describe('Art: `increase_to` steigern auf, `decrease_to` senken auf, `within_range` im Bereich halten.');
export const IndicatorState = z.enum(INDICATOR_STATES).describe('Stand: `on_course` auf Kurs, `at_risk` gefährdet, `off_course` nicht auf Kurs, `no_data` keine Daten.');

export const IndicatorTarget = z.object({
  date: IsoDate.describe('Bis wann der Zielwert erreicht sein soll.'),
  value: IndicatorNumber.nullable().default(null).describe('Zielwert (bei steigern/senken).'),
  min: IndicatorNumber.nullable().default(null).describe('Untere Grenze des Zielbereichs (bei im Bereich halten).'),
  max: IndicatorNumber.nullable().default(null).describe('Obere Grenze des Zielbereichs (bei im Bereich halten).'),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget>;

export const IndicatorValue = z.object({
  id: Id,
  date: IsoDate.describe('Datum der Messung.'),
  value: z.number(),
  note: z.string().describe('Anmerkung (z. B. Erhebungsart).'),
  enteredBy: z.string().nullable().describe('Wer den Wert eingetragen hat.'),
  createdAt: z.string(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

const Words = z.object({ de: z.string().describe('Deutsch.'), en: z.string().describe('Englisch.') });

export const Indicator = z.object({
  id: Id,
  goalId: Id,
  name: z.string(),
  unit: z.string().describe('Einheit (z. B. %, Anzahl, m²).'),
  source: z.string().describe('Quelle der Messwerte.'),
  baselineValue: z.number().describe('Ausgangswert.'),
  baselineDate: IsoDate.describe('Datum des Ausgangswerts.'),
  kind: IndicatorKind,
  departmentId: Id.nullable().describe('Amt, das die Werte erhebt und eintragen darf.'),
  departmentName: z.string().nullable(),
  version: z.number().int(),
  targets: z.array(IndicatorTarget).describe('Zielpfad, nach Datum.'),
  values: z.array(IndicatorValue).describe('Messwerte, nach Datum.'),
  evaluation: z.object({
    state: IndicatorState,
    rule: z.string().describe('Kennung der Regel, die entschieden hat (siehe `rules`).'),
    reason: Words.describe('Die Regel auf diesen Indikator angewandt, in Worten.'),
    expected: z.number().nullable().describe('Sollwert auf dem Zielpfad am Datum des letzten Messwerts.'),
    range: z.object({ min: z.number(), max: z.number() }).nullable().describe('Zielbereich am Datum des letzten Messwerts.'),
  }).describe('Stand des Indikators heute nach der Regelliste.'),
  canEnterValues: z.boolean().describe('Ob die angemeldete Person Messwerte eintragen darf.'),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorList = z.object({
  items: z.array(Indicator),
  canEdit: z.boolean().describe('Ob die angemeldete Person Indikatoren anlegen und ändern darf (Koordination, Administration).'),
  rules: z.array(z.object({ id: z.string(), de: z.string().describe('Regel auf Deutsch.'), en: z.string().describe('Regel auf Englisch.') })).describe('Die Regeln für den Stand, in der Reihenfolge, in der sie gelten.'),
});
export type IndicatorList = z.infer<typeof IndicatorList>;

const fields = {
  name: requiredText(200).describe('Name des Indikators, je Ziel eindeutig.'),
  unit: trimmed(40).default('').describe('Einheit (z. B. %, Anzahl, m²).'),
  source: trimmed(500).default(''),
  baselineValue: IndicatorNumber.describe('Ausgangswert.'),
  baselineDate: IsoDate.describe('Datum des Ausgangswerts.'),
  kind: IndicatorKind,
  departmentId: Id.nullable().default(null),
  targets: z.array(IndicatorTarget).min(1, 'Mindestens ein Zielwert ist nötig.').max(50).describe('Zielpfad: ein oder mehrere Zielwerte mit Datum, jeweils nach dem Ausgangsdatum.'),
};
export const IndicatorInput = z.object(fields);
export type IndicatorInput = z.infer<typeof IndicatorInput>;
export const IndicatorUpdate = z.object({
  version: Version,
  name: fields.name.optional(),
  unit: trimmed(40).optional().describe('Einheit.'),
  source: trimmed(500).optional(),
  baselineValue: IndicatorNumber.optional().describe('Ausgangswert.'),
  baselineDate: IsoDate.optional().describe('Datum des Ausgangswerts.'),
  kind: IndicatorKind.optional(),
  departmentId: Id.nullable().optional(),
  targets: fields.targets.optional().describe('Ersetzt den ganzen Zielpfad.'),
});
export type IndicatorUpdate = z.infer<typeof IndicatorUpdate>;

export const IndicatorValueInput = z.object({
  date: IsoDate.describe('Datum der Messung; je Indikator und Datum ein Wert.'),
  value: IndicatorNumber,
  note: trimmed(1000).default(''),
});
export type IndicatorValueInput = z.infer<typeof IndicatorValueInput>;

export const GoalParams = z.object({ goalId: Id });
export const IndicatorValueParams = z.object({ id: Id, valueId: Id });

/** Import of measured values: a preview (nothing stored) or, with `apply`, all rows or none. */
export const IndicatorImportQuery = z.object({ apply: z.enum(['true', 'false']).default('false').describe('`true` speichert (alle Zeilen oder keine), sonst nur Vorschau.') });
export const IndicatorImportResult = z.object({
  rows: z.array(z.object({ line: z.number().int().describe('Zeile der Tabelle.'), indicatorId: Id, indicatorName: z.string(), date: IsoDate, value: z.number() })).describe('Die gelesenen Zeilen.'),
  errors: z.array(z.object({ line: z.number().int().describe('Zeile der Tabelle.'), message: z.string() })).describe('Fehler je Zeile („Zeile 18: …“); gibt es welche, wird nichts gespeichert.'),
  applied: z.boolean().describe('Ob gespeichert wurde.'),
});
export type IndicatorImportResult = z.infer<typeof IndicatorImportResult>;
