import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../client';
import type { Actor } from '../../plugins/actor';
import { createWorkshop, updateWorkshop } from '../../modules/workshops/workshops.service';
import { closeRound, createRound, openRound } from '../../modules/workshops/rounds.service';
import { join, workshopByCode } from '../../modules/workshops/join.service';
import { placeDot } from '../../modules/workshops/dots.service';
import { changeStatus, createRound as createScoringRound } from '../../modules/priorities/rounds.service';
import { saveScores } from '../../modules/priorities/scores.service';
import { decide } from '../../modules/priorities/decisions.service';
import { programmesForMeasure } from '../../modules/funding/match.service';
import { savePlan } from '../../modules/funding/plan.service';
import { addDays, berlinToday } from '../../modules/funding/deadlines.service';
import { createMilestone } from '../../modules/roadmap/milestones.service';
import { addDependency } from '../../modules/roadmap/dependencies.service';
import { fileReport } from '../../modules/monitoring/reports.service';
import type { DemoBrief } from './demo-data';
import { demoStory } from './demo-story-data';

type Briefs = { id: string; brief: DemoBrief }[];

/**
 * The story behind Musterstadt's 43 briefs, told through the same services the app uses, so every
 * page has something real to show: the leadership workshop where they were written, its dot vote
 * (21 people, 3 dots each), the steering group's scoring round over the vote's favourites, the
 * council's decision on the best eight only, and funding plans for the measures that go ahead, with
 * application deadlines in the coming months (relative to the day the demo is loaded).
 */
export async function loadDemoStory(t: Db, actor: Actor, briefs: Briefs, districts: Map<string, string>) {
  const byTitle = new Map(briefs.map((b) => [b.brief.title, b]));
  const idOf = (title: string) => {
    const b = byTitle.get(title);
    if (!b) throw new Error(`demo story: unknown brief ${title}`);
    return b.id;
  };
  const s = demoStory;

  // The workshop, its groups by district, and the briefs it produced.
  const workshop = await createWorkshop(t, actor, {
    ...s.workshop, onlineUrl: '', status: 'planned',
    groups: [...districts.entries()].map(([name, id]) => ({ name: `Gruppe ${name}`, districtId: id })),
  });
  for (const b of briefs) {
    const group = workshop.groups.find((g) => g.districtId === districts.get(b.brief.districts[0]));
    await t.query('UPDATE measure SET origin_workshop_id = $3, origin_group_id = $4 WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, b.id, workshop.id, group?.id ?? null]);
  }

  // The dot vote over all 43 briefs. Dots are dealt round-robin, so nobody puts two dots on one brief
  // and everyone uses exactly their three.
  const dotRound = await createRound(t, actor, workshop.id, {
    title: s.dotRound.title, subject: 'measures', refIds: briefs.map((b) => b.id),
    rules: { dotsPerParticipant: 3, allowCumulation: false, topN: s.dotRound.topN },
  });
  await openRound(t, actor, dotRound.id);
  const ref = await workshopByCode(t, workshop.joinCode);
  const participants: string[] = [];
  for (const [i, name] of s.participants.entries()) {
    const group = workshop.groups[i % workshop.groups.length];
    const device = randomBytes(32).toString('hex'); // a demo guest: no real device will ever match it
    await join(t, ref, { actor: null, deviceHash: device, clientHash: null }, { name, groupId: group.id });
    participants.push(device);
  }
  const itemOf = new Map(dotRound.items.map((it) => [it.refId, it.id]));
  let next = 0;
  for (const [title, dots] of s.dotRound.dots) {
    const itemId = itemOf.get(idOf(title))!;
    for (let d = 0; d < dots; d++) {
      await placeDot(t, { actor: null, deviceHash: participants[next % participants.length] }, dotRound.id, { itemId, dotId: randomUUID() });
      next++;
    }
  }
  await closeRound(t, actor, dotRound.id, actor.municipalityId);
  await updateWorkshop(t, actor, workshop.id, { status: 'done', version: await currentVersion(t, 'workshop', workshop.id) });

  // The steering group scores the favourites; the dots count for a quarter.
  const measureIds = s.scoring.measures.map(idOf);
  let round = await createScoringRound(t, actor, { name: s.scoring.name, measureIds, raterIds: [actor.userId], dotRoundId: dotRound.id, dotWeight: 25 });
  const scores = round.measures.flatMap((m) => {
    const brief = briefs.find((b) => b.id === m.id)!.brief;
    return round.criteria.map((c, i) => ({ measureId: m.id, criterionId: c.id, value: demoScore(brief, i), comment: '' }));
  });
  round = await saveScores(t, actor, round.id, scores);
  round = await changeStatus(t, actor, round.id, round.version, 'revealed');

  // The council decides the best eight of the ranking only; the rest of the round stays undecided.
  // Ranks shared at the cut come in together (as the decision form's Top N does).
  const ranked = (round.results ?? []).filter((r) => r.rank != null).sort((a, b) => a.rank! - b.rank!);
  const decided = ranked.filter((r) => r.rank! <= s.decision.classA + s.decision.classB);
  await decide(t, actor, round.id, {
    body: s.decision.body, decidedOn: s.decision.decidedOn, note: s.decision.note,
    items: decided.map((r) => {
      const m = round.measures.find((x) => x.id === r.measureId)!;
      const brief = briefs.find((b) => b.id === m.id)!.brief;
      return { measureId: m.id, priority: r.rank! <= s.decision.classA ? 'A' : 'B', horizon: brief.horizon, version: m.version };
    }),
  });

  await loadFundingPlans(t, actor, briefs);
  await loadPlanSteps(t, actor, idOf);
  await loadReports(t, actor, idOf);
}

/**
 * Status reports through the reporting service, then dated back (the service stamps the time of the
 * call): the section "Umsetzung" and its flags have a history to show on the day the demo is loaded.
 */
async function loadReports(t: Db, actor: Actor, idOf: (title: string) => string) {
  const latest = new Map<string, string>();
  for (const r of demoStory.reports) {
    const measureId = idOf(r.measure);
    const reached = r.milestones.length
      ? (await t.query<{ id: string }>('SELECT id FROM milestone WHERE municipality_id = $1 AND measure_id = $2 AND title = ANY($3::text[])', [actor.municipalityId, measureId, [...r.milestones]])).map((m) => m.id)
      : [];
    const report = await fileReport(t, actor, measureId, {
      basedOn: latest.get(measureId) ?? null, state: r.state, progress: r.progress, spentCents: r.spentEur * 100, milestoneIds: reached,
      nextSteps: r.nextSteps, blockers: r.blockers, boardDecisionNeeded: r.boardDecisionNeeded,
    });
    latest.set(measureId, report.id);
    await t.query("UPDATE status_report SET created_at = now() - make_interval(days => $3) WHERE municipality_id = $1 AND id = $2", [actor.municipalityId, report.id, r.daysAgo]);
  }
}

/**
 * The implementation as a department sees it on "Mein Amt": milestones of the mobility hub (one done,
 * one overdue, one ahead; dated from the day the demo is loaded) and a cycle path that waits for the
 * allotment garden concept, which decides where it may run.
 */
async function loadPlanSteps(t: Db, actor: Actor, idOf: (title: string) => string) {
  const today = berlinToday();
  const { milestones, dependencies } = demoStory.plan;
  for (const m of milestones) {
    await createMilestone(t, actor, idOf(m.measure), { title: m.title, dueOn: addDays(today, m.inDays), done: m.done });
  }
  for (const [measure, waitsFor] of dependencies) await addDependency(t, actor, idOf(measure), idOf(waitsFor));
}

/**
 * Funding plans for the measures that go ahead (class A or B, or already planned or under way): the
 * best-fitting programme at its rate, the rest from the municipal budget, spread over the planned
 * years. Applications not yet made get deadlines in the coming months.
 */
async function loadFundingPlans(t: Db, actor: Actor, briefs: Briefs) {
  const today = berlinToday();
  const rows = await t.query<{ id: string; priority: string | null; status: string; cost_cents: string | null; planned_start: string | null; planned_end: string | null }>(
    `SELECT id, priority, status, cost_cents, planned_start::text, planned_end::text FROM measure
     WHERE municipality_id = $1 AND cost_cents IS NOT NULL AND (priority IN ('A', 'B') OR status IN ('planning', 'implementation'))
     ORDER BY number`,
    [actor.municipalityId],
  );
  for (const [i, m] of rows.entries()) {
    if (!briefs.some((b) => b.id === m.id)) continue;
    const cost = Number(m.cost_cents);
    const years = yearsOf(m.planned_start, m.planned_end, today);
    const matches = await programmesForMeasure(t, actor.municipalityId, m.id);
    // a planner takes a programme that fits outright, else one whose condition (e.g. the area) is to be checked
    const best = matches.find((x) => x.state === 'eligible' && x.expectedGrantCents) ?? matches.find((x) => x.state === 'check' && x.expectedGrantCents);
    const grant = best?.expectedGrantCents ?? 0;
    const underway = m.status === 'implementation';
    const deadline = best?.nextDeadline && best.nextDeadline > today ? best.nextDeadline : addDays(today, 21 + ((i * 37) % 160));
    const sources = [
      ...(best
        ? [{ kind: 'programme' as const, programmeId: best.programmeId, label: '', status: underway ? 'approved' as const : 'preparing' as const, applicationDeadline: underway ? null : deadline, amounts: spread(grant, years), note: checkNote(best) }]
        : []),
      { kind: 'municipal_budget' as const, programmeId: null, label: `Haushalt ${years[0]} ff., Eigenanteil`, status: underway ? 'approved' as const : 'idea' as const, applicationDeadline: null, amounts: spread(cost - grant, years), note: '' },
    ];
    await savePlan(t, actor, m.id, { version: 0, sources });
  }
}

const checkNote = (m: { state: string; check: { text: string }[] }) => (m.state === 'check' ? `Vor dem Antrag prüfen: ${m.check.map((c) => c.text).join('; ')}` : '');

/** Cents spread evenly over the years (the last year takes the rounding rest). */
function spread(cents: number, years: string[]): Record<string, number> {
  const each = Math.floor(cents / years.length);
  return Object.fromEntries(years.map((y, i) => [y, i === years.length - 1 ? cents - each * (years.length - 1) : each]));
}

function yearsOf(start: string | null, end: string | null, today: string): string[] {
  const from = Math.max(Number((start ?? today).slice(0, 4)), Number(today.slice(0, 4)));
  const to = Math.max(from, Math.min(from + 4, Number((end ?? String(from + 2)).slice(0, 4))));
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/**
 * The steering group's score of a brief on the default criteria, in their order (goals, urgency,
 * feasibility, cost, funding chances, synergies), read from the brief so that the ranking is plausible.
 */
function demoScore(b: DemoBrief, criterion: number): number {
  const clamp = (n: number) => Math.max(1, Math.min(5, n));
  const cost = b.costEur ?? 1_000_000;
  switch (criterion) {
    case 0: return clamp(1 + b.goals.length);
    case 1: return b.horizon === 'short' ? 5 : b.horizon === 'medium' ? 4 : 2;
    case 2: return ({ implementation: 5, planning: 5, prioritised: 4, brief: 3 } as Record<string, number>)[b.status] ?? 2;
    case 3: return cost < 200_000 ? 5 : cost < 1_000_000 ? 4 : cost < 3_000_000 ? 3 : cost < 6_000_000 ? 2 : 1;
    case 4: return clamp(2 + b.dimensions.length);
    default: return clamp(1 + b.partnerDepartments.length);
  }
}

async function currentVersion(t: Db, table: 'workshop', id: string): Promise<number> {
  const [row] = await t.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return row.version;
}
