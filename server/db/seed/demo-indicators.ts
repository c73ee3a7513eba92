import type { Db } from '../client';
import type { Actor } from '../../plugins/actor';
import { addValue, createIndicator } from '../../modules/indicators/indicators.service';

/**
 * Two indicators of Musterstadt's goals with a few measured values. Dates are relative to the setup year
 * (baseline two years back), so that a fresh demo shows live states, not "no data": the green-space one
 * on course, the vacant shops at risk (26 against 23 expected on the path).
 */
export async function loadDemoIndicators(t: Db, actor: Actor, goals: Map<string, string>, departments: Map<string, string>, now = new Date()) {
  const y = now.getUTCFullYear();
  const jan1 = (year: number) => `${year}-01-01`;
  const indicators = [
    {
      goal: 'Grün- und Freiflächen vernetzen und aufwerten',
      department: 'Amt für Umwelt und Grünflächen',
      input: { name: 'Öffentliche Grünfläche je Einwohnerin und Einwohner', unit: 'm²', source: 'Grünflächenkataster, Einwohnermelderegister', kind: 'increase_to' as const, baselineValue: 18.4 },
      targets: [{ date: jan1(y + 4), value: 22 }, { date: jan1(y + 8), value: 25 }],
      values: [[jan1(y - 1), 18.9], [jan1(y), 19.2]] as const,
    },
    {
      goal: 'Die Innenstadt als Ort für Handel, Dienstleistung und Begegnung stärken',
      department: 'Amt für Wirtschaftsförderung',
      input: { name: 'Leerstehende Ladenlokale im Erdgeschoss der Innenstadt', unit: 'Anzahl', source: 'Leerstandserhebung der Wirtschaftsförderung', kind: 'decrease_to' as const, baselineValue: 27 },
      targets: [{ date: jan1(y + 4), value: 15 }, { date: jan1(y + 8), value: 8 }],
      values: [[jan1(y - 1), 25], [jan1(y), 26]] as const,
    },
  ];
  for (const i of indicators) {
    const goalId = goals.get(i.goal);
    if (!goalId) throw new Error(`demo data: unknown goal ${i.goal}`);
    const created = await createIndicator(t, actor, goalId, {
      ...i.input, baselineDate: jan1(y - 2), departmentId: departments.get(i.department) ?? null,
      targets: i.targets.map((x) => ({ ...x, min: null, max: null })),
    });
    for (const [date, value] of i.values) await addValue(t, actor, created.id, { date, value, note: '' });
  }
}
