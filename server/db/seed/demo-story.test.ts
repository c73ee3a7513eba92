import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, json, login, PASSWORD } from '../../test/harness';
import { runSetup } from '../../modules/auth/setup.service';
import { addDays, berlinToday } from '../../modules/funding/deadlines.service';
import { eraseExpiredGuests } from '../../modules/privacy/retention';
import type { App } from '../../app';

// The demo tells one consistent story (issue 12): a finished workshop with its vote, a scoring round
// with a decision on the best eight only, funding plans for what goes ahead, deadlines to come.
let app: App;
let close: () => Promise<void>;
let cookie: string;
type Item = { id: string; title: string; status: string; priority: string | null; costCents: number | null; version: number };
let measures: Item[];
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  await runSetup(app.db, { municipalityName: 'Musterstadt', adminName: 'Anna Admin', adminEmail: 'anna@example.org', password: PASSWORD, demoData: true });
  cookie = await login(app, 'anna@example.org');
  measures = json<{ items: Item[] }>(await call(app, cookie, 'GET', '/measures?pageSize=200')).items;
}, 120_000);
afterAll(() => close());

describe('Musterstadt demo story', () => {
  it('has the finished leadership workshop whose 21 participants placed 3 dots each on the 43 briefs', async () => {
    const workshops = json<{ id: string; title: string; status: string }[]>(await call(app, cookie, 'GET', '/workshops'));
    expect(workshops).toHaveLength(1);
    expect(workshops[0].status).toBe('done');
    const rounds = json<{ id: string; status: string; items: unknown[] }[]>(await call(app, cookie, 'GET', `/workshops/${workshops[0].id}/rounds`));
    expect(rounds).toHaveLength(1);
    expect(rounds[0].status).toBe('closed');
    expect(rounds[0].items).toHaveLength(43);
    const results = json<{ totalDots: number; voters: number; rows: { dots: number; rank: number }[]; cutTie: unknown; selectedItemIds: string[] }>(await call(app, cookie, 'GET', `/rounds/${rounds[0].id}/results`));
    expect(results.totalDots).toBe(63);
    expect(results.rows[0].dots).toBe(9);
    expect(results.voters).toBe(21);
    expect(results.cutTie).toBeNull();
    expect(results.selectedItemIds).toHaveLength(8);
    const participants = json<unknown[]>(await call(app, cookie, 'GET', `/workshops/${workshops[0].id}/participants`));
    expect(participants).toHaveLength(21);
  });

  it('has a revealed scoring round whose decision set classes for the best eight only', async () => {
    const rounds = json<{ id: string; status: string }[]>(await call(app, cookie, 'GET', '/priorities/rounds'));
    expect(rounds).toHaveLength(1);
    const round = json<{ measures: { id: string; priority: string | null }[]; decisions: { items: { measureId: string; priority: string }[] }[]; results: { measureId: string; rank: number | null }[] | null }>(
      await call(app, cookie, 'GET', `/priorities/rounds/${rounds[0].id}`),
    );
    expect(round.measures).toHaveLength(12);
    expect(round.results).not.toBeNull();
    expect(round.decisions).toHaveLength(1);
    const items = round.decisions[0].items;
    const ranks = new Map(round.results!.map((r) => [r.measureId, r.rank]));
    // exactly the ranks 1–8 (ties at the cut together), A for the first five; the other measures undecided
    expect(items.map((i) => i.measureId).sort()).toEqual(round.measures.filter((m) => (ranks.get(m.id) ?? 99) <= 8).map((m) => m.id).sort());
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.length).toBeLessThan(12);
    for (const it of items) expect(it.priority).toBe(ranks.get(it.measureId)! <= 5 ? 'A' : 'B');
    for (const it of items) {
      const m = measures.find((x) => x.id === it.measureId)!;
      expect(m.priority).toBe(it.priority);
      expect(['prioritised', 'planning', 'implementation']).toContain(m.status);
    }
  });

  it('has funding plans for the measures that go ahead, and application deadlines in the coming months', async () => {
    const ahead = measures.filter((m) => m.costCents != null && (m.priority === 'A' || ['planning', 'implementation'].includes(m.status)));
    expect(ahead.length).toBeGreaterThanOrEqual(8);
    for (const m of ahead) {
      const plan = json<{ sources: unknown[]; totals: { gapCents: number } }>(await call(app, cookie, 'GET', `/measures/${m.id}/funding-plan`));
      expect(plan.sources.length, m.title).toBeGreaterThan(0);
      expect(plan.totals.gapCents, m.title).toBe(0);
    }
    const today = berlinToday();
    const deadlines = json<{ kind: string; date: string }[]>(await call(app, cookie, 'GET', `/funding/deadlines?from=${today}&to=${addDays(today, 200)}`));
    expect(deadlines.filter((d) => d.kind === 'source').length).toBeGreaterThanOrEqual(3);
    const kofi = json<{ totals: { fundedCents: number; gapCents: number } }>(await call(app, cookie, 'GET', '/kofi?priority=A'));
    expect(kofi.totals.fundedCents).toBeGreaterThan(0);
  });
  it('has status reports: one measure spending ahead of its progress, one with a blocker in two reports and a board decision asked for', async () => {
    const byTitle = (title: string) => measures.find((m) => m.title === title)!;
    const reports = (title: string) => call(app, cookie, 'GET', `/measures/${byTitle(title).id}/reports`).then((r) => json(r));
    const digital = await reports('Digitale Bürgerdienste und Online-Terminvergabe');
    expect(digital.flags.map((f: { kind: string }) => f.kind)).toEqual(['spending_ahead']);
    expect(digital.flags[0].reason.de).toContain('80 % der geplanten Kosten ausgegeben bei 30 % Fortschritt');
    const hub = await reports('Mobilitätsstation am Bahnhof');
    expect(hub.items.map((r: { state: string; progress: number }) => [r.state, r.progress])).toEqual([['major_issues', 30], ['minor_issues', 25]]);
    expect(hub.items[0].milestoneIds).toHaveLength(1);
    expect(hub.flags.map((f: { kind: string }) => f.kind)).toEqual(['blocker_persists', 'board_decision']);
    const vacancy = await reports('Leerstandsmanagement und Zwischennutzung von Ladenlokalen');
    expect([vacancy.items.length, vacancy.flags]).toEqual([2, []]);
  });

  it('keeps the 2023 workshop\'s invented guests: the demo town\'s guest retention is off, so the daily job erases none', async () => {
    expect(await eraseExpiredGuests(app.db, app.config.sessionSecret)).toBe(0);
    const [w] = json<{ id: string }[]>(await call(app, cookie, 'GET', '/workshops'));
    const names = json<{ name: string }[]>(await call(app, cookie, 'GET', `/workshops/${w.id}/participants`)).map((p) => p.name);
    expect(names).toHaveLength(21);
    expect(names.filter((n) => n.startsWith('Gelöschte Person'))).toEqual([]);
  });
});
