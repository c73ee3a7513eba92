import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Round, RoundDecision, RoundResults, VoteItem } from '../../../contract/workshops';
import { AppError, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { lockRow } from '../concept/concept.service';
import { rank, resolveCut, topN, type ResolvedTopN, type TopN } from '../../../domain/ranking';
import { validateRules, type VotingRules } from '../../../domain/voting';
import { getWorkshop } from './workshops.service';

export const DEFAULT_RULES: VotingRules = {
  dotsPerParticipant: 3, allowCumulation: false, maxDotsPerItem: 1, anonymous: true, resultsVisibility: 'live', timerSeconds: null, topN: 5,
};

export interface RoundRow {
  municipality_id: string; id: string; workshop_id: string; title: string; subject: Round['subject'];
  dots_per_participant: number; allow_cumulation: boolean; max_dots_per_item: number; anonymous: boolean;
  results_visibility: 'live' | 'after_close'; timer_seconds: number | null; top_n: number; status: Round['status'];
  opened_at: Date | null; closes_at: Date | null; closed_at: Date | null; parent_round_id: string | null;
  decision: RoundDecision | null; decision_history: RoundDecision[]; version: number;
}

export const rulesOf = (r: RoundRow): VotingRules => ({
  dotsPerParticipant: r.dots_per_participant, allowCumulation: r.allow_cumulation, maxDotsPerItem: r.max_dots_per_item,
  anonymous: r.anonymous, resultsVisibility: r.results_visibility, timerSeconds: r.timer_seconds, topN: r.top_n,
});
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function roundRow(db: Db, id: string, municipalityId?: string): Promise<RoundRow> {
  const [row] = await db.query<RoundRow>(
    `SELECT * FROM vote_round WHERE id = $1 AND ($2::uuid IS NULL OR municipality_id = $2)`,
    [id, municipalityId ?? null],
  );
  if (!row) throw notFound('voteRound');
  return row;
}

export async function itemsOf(db: Db, roundId: string): Promise<VoteItem[]> {
  return db.query<VoteItem>('SELECT id, label, ref_id AS "refId", position FROM vote_item WHERE round_id = $1 ORDER BY position', [roundId]);
}

export async function toRound(db: Db, r: RoundRow): Promise<Round> {
  return {
    id: r.id, workshopId: r.workshop_id, title: r.title, subject: r.subject, rules: rulesOf(r), status: r.status,
    openedAt: iso(r.opened_at), closesAt: iso(r.closes_at), closedAt: iso(r.closed_at), parentRoundId: r.parent_round_id,
    decision: r.decision, decisionHistory: r.decision_history ?? [], items: await itemsOf(db, r.id), version: r.version,
  };
}

export async function getRound(db: Db, municipalityId: string, id: string): Promise<Round> {
  return toRound(db, await roundRow(db, id, municipalityId));
}

export async function listRounds(db: Db, municipalityId: string, workshopId: string): Promise<Round[]> {
  await getWorkshop(db, municipalityId, workshopId);
  const rows = await db.query<RoundRow>('SELECT * FROM vote_round WHERE municipality_id = $1 AND workshop_id = $2 ORDER BY created_at', [municipalityId, workshopId]);
  return Promise.all(rows.map((r) => toRound(db, r)));
}

function checkRules(rules: VotingRules) {
  const problems = validateRules(rules);
  if (problems.length) throw new AppError(400, 'validation_failed', { key: 'validation_failed.round_rules', params: { problems: problems.join(' '), n: problems.length } }, problems.map((message) => ({ path: ['rules'], message })));
}

/** Tells every app instance that a round changed; delivered when the transaction commits. */
export async function notifyRound(t: Db, r: { id: string; workshop_id: string }, statusChanged = false) {
  await t.query(`SELECT pg_notify('rf_round', $1)`, [r.id]);
  if (statusChanged) await t.query(`SELECT pg_notify('rf_workshop', $1)`, [r.workshop_id]);
}

export async function createRound(
  db: Db,
  actor: Actor,
  workshopId: string,
  input: { title: string; subject: Round['subject']; rules: Partial<VotingRules>; refIds?: string[]; options?: string[] },
  parentRoundId: string | null = null,
): Promise<Round> {
  const rules = { ...DEFAULT_RULES, ...input.rules };
  if (!rules.allowCumulation) rules.maxDotsPerItem = 1;
  checkRules(rules);
  return db.tx(async (t) => {
    await getWorkshop(t, actor.municipalityId, workshopId);
    const items = await itemsFor(t, actor.municipalityId, workshopId, input);
    if (items.length < 2) throw new AppError(400, 'validation_failed', 'validation_failed.min_two_items', [{ path: ['refIds'], message: 'Mindestens zwei Einträge' }]);
    const [{ id }] = await t.query<{ id: string }>(
      `INSERT INTO vote_round (municipality_id, workshop_id, title, subject, dots_per_participant, allow_cumulation, max_dots_per_item,
         anonymous, results_visibility, timer_seconds, top_n, parent_round_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [actor.municipalityId, workshopId, input.title, input.subject, rules.dotsPerParticipant, rules.allowCumulation, rules.maxDotsPerItem,
        rules.anonymous, rules.resultsVisibility, rules.timerSeconds, rules.topN, parentRoundId],
    );
    for (const [position, item] of items.entries()) {
      await t.query('INSERT INTO vote_item (municipality_id, round_id, ref_id, label, position) VALUES ($1, $2, $3, $4, $5)', [actor.municipalityId, id, item.refId, item.label, position]);
    }
    const round = await getRound(t, actor.municipalityId, id);
    await recordAudit(t, actor, { entityType: 'voteRound', entityId: id, action: 'create', before: null, after: { title: round.title, rules, items: items.length } });
    await notifyRound(t, { id, workshop_id: workshopId }, true);
    return round;
  });
}

/** The items of a new round: the given briefs or goals (default: the workshop's briefs, or all goals), or free options. */
async function itemsFor(t: Db, municipalityId: string, workshopId: string, input: { subject: Round['subject']; refIds?: string[]; options?: string[] }) {
  if (input.subject === 'options') return [...new Set(input.options ?? [])].map((label) => ({ refId: null, label }));
  const table = input.subject === 'measures' ? 'measure' : 'goal';
  const label = input.subject === 'measures' ? `'Nr. ' || number || ': ' || title` : 'title';
  const order = input.subject === 'measures' ? 'number' : 'position, title';
  const rows = input.refIds
    ? await t.query<{ id: string; label: string }>(`SELECT id, ${label} AS label FROM ${table} WHERE municipality_id = $1 AND id = ANY($2::uuid[]) ORDER BY ${order}`, [municipalityId, input.refIds])
    : input.subject === 'measures'
      ? await t.query<{ id: string; label: string }>(`SELECT id, ${label} AS label FROM measure WHERE municipality_id = $1 AND origin_workshop_id = $2 ORDER BY number`, [municipalityId, workshopId])
      : await t.query<{ id: string; label: string }>(`SELECT id, ${label} AS label FROM goal WHERE municipality_id = $1 ORDER BY ${order}`, [municipalityId]);
  // Ids of another municipality are not found here either: the same answer as for ids that never existed.
  const missing = input.refIds ? new Set(input.refIds).size - rows.length : 0;
  if (missing > 0) {
    const what = input.subject === 'measures' ? 'Steckbriefe' : 'Ziele';
    const message = `${missing} der gewählten ${what} gibt es in dieser Kommune nicht (mehr).`;
    throw new AppError(400, 'validation_failed', { key: input.subject === 'measures' ? 'validation_failed.unknown_briefs' : 'validation_failed.unknown_goals', params: { n: missing } }, [{ path: ['refIds'], message }]);
  }
  return rows.map((r) => ({ refId: r.id, label: r.label }));
}

async function lockedRound(t: Db, actor: Actor, id: string) {
  await lockRow(t, 'vote_round', actor.municipalityId, id);
  return roundRow(t, id, actor.municipalityId);
}

export async function updateRound(db: Db, actor: Actor, id: string, input: { version: number; title?: string; rules?: Partial<VotingRules> }) {
  return db.tx(async (t) => {
    const r = await lockedRound(t, actor, id);
    if (r.version !== input.version) throw versionConflict(await toRound(t, r));
    if (r.status !== 'draft') throw new AppError(409, 'round_not_draft');
    const rules = { ...rulesOf(r), ...input.rules };
    if (!rules.allowCumulation) rules.maxDotsPerItem = 1;
    checkRules(rules);
    await t.query(
      `UPDATE vote_round SET title = coalesce($3, title), dots_per_participant = $4, allow_cumulation = $5, max_dots_per_item = $6,
         anonymous = $7, results_visibility = $8, timer_seconds = $9, top_n = $10, version = version + 1
       WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, id, input.title ?? null, rules.dotsPerParticipant, rules.allowCumulation, rules.maxDotsPerItem, rules.anonymous, rules.resultsVisibility, rules.timerSeconds, rules.topN],
    );
    await recordAudit(t, actor, { entityType: 'voteRound', entityId: id, action: 'update', before: { title: r.title, rules: rulesOf(r) }, after: { title: input.title ?? r.title, rules } });
    await notifyRound(t, r, true);
    return getRound(t, actor.municipalityId, id);
  });
}

export async function deleteRound(db: Db, actor: Actor, id: string) {
  await db.tx(async (t) => {
    const r = await lockedRound(t, actor, id);
    if (r.status !== 'draft') throw new AppError(409, 'round_not_draft', 'round_not_draft.delete');
    await t.query('DELETE FROM vote_round WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, id]);
    await recordAudit(t, actor, { entityType: 'voteRound', entityId: id, action: 'delete', before: { title: r.title, subject: r.subject, rules: rulesOf(r) }, after: null });
    await notifyRound(t, r, true);
  });
}

export async function openRound(db: Db, actor: Actor, id: string) {
  return db.tx(async (t) => {
    const r = await lockedRound(t, actor, id);
    if (r.status !== 'draft') throw new AppError(409, 'round_not_draft', r.status === 'open' ? 'round_not_draft.open' : 'round_not_draft.reopen');
    await t.query(
      `UPDATE vote_round SET status = 'open', opened_at = now(), closes_at = CASE WHEN timer_seconds IS NULL THEN NULL ELSE now() + make_interval(secs => timer_seconds) END, version = version + 1
       WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, id],
    );
    await t.query(`UPDATE workshop SET status = 'running' WHERE id = $1 AND status = 'planned'`, [r.workshop_id]);
    await recordAudit(t, actor, { entityType: 'voteRound', entityId: id, action: 'update', before: { status: r.status }, after: { status: 'open' } });
    await notifyRound(t, r, true);
    return getRound(t, actor.municipalityId, id);
  });
}

/** Closing keeps the result as the round's record and writes dots and rank back to the voted briefs or goals. */
export async function closeRound(db: Db, actor: Pick<Actor, 'municipalityId' | 'userId' | 'userName'> | null, id: string, municipalityId: string) {
  return db.tx(async (t) => {
    await lockRow(t, 'vote_round', municipalityId, id);
    const r = await roundRow(t, id, municipalityId);
    if (r.status === 'closed') return getRound(t, municipalityId, id);
    if (r.status !== 'open') throw new AppError(409, 'round_not_open');
    await t.query(`UPDATE vote_round SET status = 'closed', closed_at = now(), version = version + 1 WHERE id = $1`, [id]);
    const closed = await roundRow(t, id, municipalityId);
    const results = await computeResults(t, closed, { facilitator: true });
    await t.query('UPDATE vote_round SET result = $2 WHERE id = $1', [id, JSON.stringify(results)]);
    if (!r.parent_round_id && r.subject !== 'options') {
      const table = r.subject === 'measures' ? 'measure' : 'goal';
      const items = await itemsOf(t, id);
      for (const row of results.rows) {
        const refId = items.find((i) => i.id === row.itemId)?.refId;
        if (refId) await t.query(`UPDATE ${table} SET dots = $3, dot_rank = $4 WHERE municipality_id = $1 AND id = $2`, [municipalityId, refId, row.dots, row.rank]);
      }
    }
    const who = actor ?? { municipalityId, userId: null as unknown as string, userName: 'Timer' };
    await recordAudit(t, who, { entityType: 'voteRound', entityId: id, action: 'update', before: { status: r.status }, after: { status: 'closed', totalDots: results.totalDots } });
    await notifyRound(t, r, true);
    // A closed run-off settles its parent's tie: the parent's result changes too.
    if (r.parent_round_id) await notifyRound(t, { id: r.parent_round_id, workshop_id: r.workshop_id });
    return getRound(t, municipalityId, id);
  });
}

/** Rounds whose timer ran out are closed by whichever instance notices first (the row lock makes it once). */
export async function closeDueRounds(db: Db): Promise<number> {
  const due = await db.query<{ id: string; municipality_id: string }>(`SELECT id, municipality_id FROM vote_round WHERE status = 'open' AND closes_at <= now()`);
  for (const r of due) await closeRound(db, null, r.id, r.municipality_id);
  return due.length;
}

interface TallyRowDb { item_id: string; label: string; dots: number; supporters: number }

/**
 * The tally of a round as a viewer may see it: facilitators always; participants while results are
 * live or once the round is closed. Names of voters only in named rounds, for facilitators or after close.
 */
export async function computeResults(db: Db, r: RoundRow, viewer: { facilitator: boolean }): Promise<RoundResults> {
  const visible = viewer.facilitator || r.status === 'closed' || r.results_visibility === 'live';
  const [counts] = await db.query<{ voters: number; total: number; eligible: number }>(
    `SELECT (SELECT count(DISTINCT participant_id) FROM dot WHERE round_id = $1) AS voters,
            (SELECT count(*) FROM dot WHERE round_id = $1) AS total,
            (SELECT count(*) FROM participant WHERE workshop_id = $2) AS eligible`,
    [r.id, r.workshop_id],
  );
  const base = {
    roundId: r.id, status: r.status, visible, totalDots: visible ? counts.total : 0, voters: counts.voters, eligible: counts.eligible,
    topN: r.top_n, decision: r.decision, seq: Date.now(),
  };
  if (!visible) return { ...base, rows: [], selectedItemIds: [], cutTie: null };
  const tallies = await db.query<TallyRowDb>(
    `SELECT i.id AS item_id, i.label, count(d.id) AS dots, count(DISTINCT d.participant_id) AS supporters
     FROM vote_item i LEFT JOIN dot d ON d.item_id = i.id AND d.round_id = i.round_id
     WHERE i.round_id = $1 GROUP BY i.id, i.label, i.position ORDER BY i.position`,
    [r.id],
  );
  const ranked = rank(tallies.map((x) => ({ itemId: x.item_id, label: x.label, dots: x.dots, supporters: x.supporters })), { useSupporters: true });
  let top: TopN | ResolvedTopN = topN(ranked, r.top_n);
  if (top.cutTie) top = await applyResolution(db, r, top);
  const names = !r.anonymous && (viewer.facilitator || r.status === 'closed') ? await votersByItem(db, r.id) : null;
  return {
    ...base,
    rows: ranked.map((x) => ({ itemId: x.itemId, label: x.label, dots: x.dots, supporters: x.supporters, rank: x.rank, rankLabel: x.rankLabel, tied: x.tied, share: x.share, ...(names ? { voters: names.get(x.itemId) ?? [] } : {}) })),
    selectedItemIds: top.selected.map((x) => x.itemId),
    cutTie: top.cutTie ? { rank: top.cutTie.rank, candidateItemIds: top.cutTie.candidates.map((c) => c.itemId), seatsLeft: top.cutTie.seatsLeft } : null,
  };
}

/** A tie at the cut is settled by a closed run-off round among the candidates, or by a recorded decision. */
async function applyResolution(db: Db, r: RoundRow, top: TopN): Promise<TopN | ResolvedTopN> {
  if (r.decision) return resolveCut(top, { kind: 'decision', chosenIds: r.decision.chosenItemIds, reason: r.decision.reason });
  const [runoff] = await db.query<{ id: string }>(`SELECT id FROM vote_round WHERE parent_round_id = $1 AND status = 'closed' ORDER BY closed_at DESC LIMIT 1`, [r.id]);
  if (!runoff) return top;
  // Run-off items carry the parent's item id as ref_id, so their tallies map back onto the candidates.
  const rows = await db.query<TallyRowDb & { ref_id: string }>(
    `SELECT i.ref_id, i.label, count(d.id) AS dots, count(DISTINCT d.participant_id) AS supporters
     FROM vote_item i LEFT JOIN dot d ON d.item_id = i.id WHERE i.round_id = $1 GROUP BY i.id, i.ref_id, i.label`,
    [runoff.id],
  );
  return resolveCut(top, { kind: 'runoff', tallies: rows.map((x) => ({ itemId: x.ref_id, label: x.label, dots: x.dots, supporters: x.supporters })), useSupporters: true });
}

async function votersByItem(db: Db, roundId: string) {
  const rows = await db.query<{ item_id: string; name: string; dots: number }>(
    `SELECT d.item_id, p.name, count(*) AS dots FROM dot d JOIN participant p ON p.id = d.participant_id
     WHERE d.round_id = $1 GROUP BY d.item_id, p.name ORDER BY p.name`,
    [roundId],
  );
  const map = new Map<string, { name: string; dots: number }[]>();
  for (const x of rows) map.set(x.item_id, [...(map.get(x.item_id) ?? []), { name: x.name, dots: x.dots }]);
  return map;
}

/** A run-off among the items tied at the Top-N cut: a new draft round with the same rules, for the open seats. */
export async function createRunoff(db: Db, actor: Actor, id: string): Promise<Round> {
  const r = await roundRow(db, id, actor.municipalityId);
  if (r.status !== 'closed') throw new AppError(409, 'round_not_closed');
  const results = await computeResults(db, r, { facilitator: true });
  if (!results.cutTie) throw new AppError(409, 'no_tie');
  const labels = new Map(results.rows.map((x) => [x.itemId, x.label]));
  const seats = results.cutTie.seatsLeft;
  return db.tx(async (t) => {
    const round = await createRound(t, actor, r.workshop_id, {
      title: `Stichwahl: ${r.title}`,
      subject: 'options',
      options: results.cutTie!.candidateItemIds.map((cid) => labels.get(cid)!),
      rules: { ...rulesOf(r), dotsPerParticipant: Math.min(seats, r.dots_per_participant), allowCumulation: false, maxDotsPerItem: 1, topN: seats, timerSeconds: null },
    }, r.id);
    // Remember which parent item each run-off option stands for.
    for (const cid of results.cutTie!.candidateItemIds) {
      await t.query('UPDATE vote_item SET ref_id = $3 WHERE round_id = $1 AND label = $2', [round.id, labels.get(cid), cid]);
    }
    return getRound(t, actor.municipalityId, round.id);
  });
}

/**
 * A decision at the Top-N cut. It is final once recorded: a second one is refused (409) unless it is an
 * explicit revision carrying its reason. A revision appends to the round's decision history, and the
 * audit trail gets the decision it replaced as "before" — read from the locked row, not assumed.
 */
export async function recordDecision(
  db: Db,
  actor: Actor,
  id: string,
  input: { chosenItemIds: string[]; reason: string; revise?: boolean; revisionReason?: string },
): Promise<RoundResults> {
  return db.tx(async (t) => {
    const r = await lockedRound(t, actor, id);
    if (r.status !== 'closed') throw new AppError(409, 'round_not_closed', 'round_not_closed.decision');
    if (r.decision && !input.revise) {
      throw new AppError(409, 'decision_already_recorded', { key: 'decision_already_recorded', params: { by: r.decision.by } },
        { current: r.decision });
    }
    if (!r.decision && input.revise) throw new AppError(409, 'no_decision_recorded');
    const results = await computeResults(t, { ...r, decision: null }, { facilitator: true });
    if (!results.cutTie) throw new AppError(409, 'no_tie');
    const ranked = rank(results.rows.map((x) => ({ itemId: x.itemId, label: x.label, dots: x.dots, supporters: x.supporters })), { useSupporters: true });
    try {
      resolveCut(topN(ranked, r.top_n), { kind: 'decision', chosenIds: input.chosenItemIds, reason: input.reason });
    } catch (err) {
      throw new AppError(400, 'validation_failed', { key: 'validation_failed.decision_choice', params: { problem: (err as Error).message } }, [{ path: ['chosenItemIds'], message: (err as Error).message }]);
    }
    const revisionReason = input.revise ? input.revisionReason : undefined;
    const decision: RoundDecision = {
      chosenItemIds: input.chosenItemIds, reason: input.reason, by: actor.userName, at: new Date().toISOString(), ...(revisionReason ? { revisionReason } : {}),
    };
    await t.query(
      'UPDATE vote_round SET decision = $2::jsonb, decision_history = decision_history || jsonb_build_array($2::jsonb), version = version + 1 WHERE id = $1',
      [id, JSON.stringify(decision)],
    );
    await recordAudit(t, actor, {
      entityType: 'voteRound', entityId: id, action: 'update',
      before: { decision: r.decision, revisionReason: null }, after: { decision, revisionReason: revisionReason ?? null },
    });
    await notifyRound(t, r, true);
    return computeResults(t, await roundRow(t, id, actor.municipalityId), { facilitator: true });
  });
}
