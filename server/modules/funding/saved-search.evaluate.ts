/**
 * Saved searches are evaluated when the catalogue changes: a programme created, edited (windows and
 * deadlines included) or imported. Inside the writing transaction, each changed programme is matched
 * against the measures of every saved search of the municipality; a (measure, programme) pair that
 * fits now and did not fit before the change (for a new programme: that fits) is recorded once per
 * saved search as a hit of this change. The primary key (saved search, measure, programme) makes sure
 * a pair is never reported twice, whatever happens later. The owner of a search with notification on is
 * notified in the same transaction (kind `saved_search_match`; by e-mail as the owner chose, through the
 * notification outbox).
 */
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import { SavedSearchMeasureFilter, SavedSearchProgrammeFilter, type FundingProgramme, type SavedSearchInput } from '../../../contract/funding';
import type { Measure } from '../../../contract/measures';
import { fold, isFit, matchProgramme, type MatchContext, type MatchMeasure } from '../../../domain/funding-match';
import { listMeasuresFull } from '../measures/measures.service';
import { matcherInputs } from './match.service';
import { getProgramme } from './programmes.service';
import { notify } from '../notifications/notify';
import type { MailHit } from './saved-search.mail';

type Filters = Pick<SavedSearchInput, 'measureFilter' | 'programmeFilter'>;
const overlaps = (want: string[], have: string[]) => want.length === 0 || want.some((x) => have.includes(x));

export function measureInSearch(f: Filters['measureFilter'], m: Pick<Measure, 'districtIds' | 'actionFieldIds' | 'status' | 'priority'>): boolean {
  return (
    overlaps(f.district, m.districtIds) &&
    overlaps(f.actionField, m.actionFieldIds) &&
    (f.status.length === 0 || f.status.includes(m.status)) &&
    (f.priority.length === 0 || (m.priority != null && f.priority.includes(m.priority)))
  );
}

export function programmeInSearch(f: Filters['programmeFilter'], p: Pick<FundingProgramme, 'level' | 'kind' | 'topics' | 'name'>): boolean {
  if (f.level.length && !f.level.includes(p.level)) return false;
  if (f.kind.length && !f.kind.includes(p.kind)) return false;
  if (f.topic) {
    const t = fold(f.topic);
    if (![p.name, ...p.topics].some((x) => fold(x).includes(t))) return false;
  }
  return true;
}

// the fields that decide whether a match is listed (state eligible or check; domain/funding-match.ts)
const FIT_FIELDS = ['topics', 'requiresDesignatedArea', 'areaKinds', 'settlementTypes', 'minAmountCents', 'applicants', 'windows'] as const;
function fitFieldsChanged(a: FundingProgramme, b: FundingProgramme): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, canon(x)])) : (v ?? null);
  return FIT_FIELDS.some((f) => JSON.stringify(canon(a[f])) !== JSON.stringify(canon(b[f])));
}

/**
 * Records the change and its new fits for every saved search (call inside the writing transaction,
 * after the programmes are written). `before` is the programme before an edit, null for a new one.
 * Returns the change id, or null when the municipality has no saved searches.
 */
export async function recordProgrammeChange(
  t: Db,
  actor: Actor,
  kind: 'create' | 'update' | 'import',
  changed: { id: string; before: FundingProgramme | null }[],
): Promise<string | null> {
  const searches = await t.query<Filters & { id: string; name: string; ownerId: string; notifyEmail: boolean }>(
    `SELECT id, name, owner_id AS "ownerId", notify_email AS "notifyEmail", measure_filter AS "measureFilter", programme_filter AS "programmeFilter"
       FROM saved_search WHERE municipality_id = $1`,
    [actor.municipalityId],
  );
  if (!searches.length || !changed.length) return null;
  const [{ id: changeId }] = await t.query<{ id: string }>(
    'INSERT INTO funding_change (municipality_id, kind, actor_name) VALUES ($1, $2, $3) RETURNING id',
    [actor.municipalityId, kind, actor.userName],
  );
  const normal = searches.map((s) => ({
    id: s.id,
    name: s.name,
    ownerId: s.ownerId,
    notifyEmail: s.notifyEmail,
    // stored filters are read through the schema, so a filter key added later gets its default
    measureFilter: SavedSearchMeasureFilter.parse(s.measureFilter),
    programmeFilter: SavedSearchProgrammeFilter.parse(s.programmeFilter),
  }));
  // the measures are loaded once, and only when some change can create a fit
  let inputs: Promise<{ prepared: { m: Measure; match: MatchMeasure }[]; ctx: MatchContext }> | null = null;
  const load = () =>
    (inputs ??= Promise.all([listMeasuresFull(t, actor.municipalityId, {}), matcherInputs(t, actor.municipalityId)]).then(([measures, { toMatch, ctx }]) => ({
      prepared: measures.map((m) => ({ m, match: toMatch(m) })),
      ctx,
    })));
  const hits: { search: string; measure: string; programme: string; score: number }[] = [];
  const described = new Map<string, MailHit & { measureId: string; programmeId: string }>();
  for (const c of changed) {
    // a fit depends only on these fields (eligibility and topics); an edit of anything else, e.g. the
    // description or the rate, cannot create a new fit, so 10,000 measures need not be matched again
    const after = await getProgramme(t, actor.municipalityId, c.id);
    if (c.before && !fitFieldsChanged(c.before, after)) continue;
    const wanted = normal.filter((s) => programmeInSearch(s.programmeFilter, after));
    if (!wanted.length) continue;
    // each measure is matched once per programme, however many saved searches watch it
    const { prepared, ctx } = await load();
    const newFits = new Map<string, number>();
    for (const { m, match } of prepared) {
      const now = matchProgramme(match, after, ctx);
      if (!isFit(after, now)) continue;
      if (c.before && isFit(c.before, matchProgramme(match, c.before, ctx))) continue;
      newFits.set(m.id, now.score);
    }
    for (const s of wanted) {
      for (const { m } of prepared) {
        const score = newFits.get(m.id);
        if (score === undefined || !measureInSearch(s.measureFilter, m)) continue;
        hits.push({ search: s.id, measure: m.id, programme: c.id, score });
        described.set(`${m.id}:${c.id}`, { measureId: m.id, programmeId: c.id, measureNumber: m.number, measureTitle: m.title, programmeName: after.name, score });
      }
    }
  }
  if (hits.length) {
    await t.query(
      `INSERT INTO saved_search_hit (municipality_id, saved_search_id, measure_id, programme_id, change_id, score)
       SELECT $1, x.s, x.m, x.p, $2, x.score FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::int[]) AS x(s, m, p, score)
       ON CONFLICT (saved_search_id, measure_id, programme_id) DO NOTHING`,
      [actor.municipalityId, changeId, hits.map((h) => h.search), hits.map((h) => h.measure), hits.map((h) => h.programme), hits.map((h) => h.score)],
    );
    await notifyOwners(t, actor.municipalityId, changeId, kind, normal, hits, described);
  }
  return changeId;
}

/**
 * One notification per saved search (with notification on) and change that found new fits, to its
 * owner. Only pairs new to the search count (a pair it reported earlier is kept out by the primary key).
 */
async function notifyOwners(
  t: Db,
  municipalityId: string,
  changeId: string,
  changeKind: string,
  searches: { id: string; name: string; ownerId: string; notifyEmail: boolean }[],
  hits: { search: string; measure: string; programme: string }[],
  described: Map<string, MailHit>,
) {
  const recorded = new Set(
    (await t.query<{ s: string; m: string; p: string }>('SELECT saved_search_id AS s, measure_id AS m, programme_id AS p FROM saved_search_hit WHERE change_id = $1', [changeId])).map(
      (r) => `${r.s}:${r.m}:${r.p}`,
    ),
  );
  for (const s of searches.filter((x) => x.notifyEmail)) {
    const mine = hits
      .filter((h) => h.search === s.id && recorded.has(`${h.search}:${h.measure}:${h.programme}`))
      .map((h) => described.get(`${h.measure}:${h.programme}`)!)
      .sort((a, b) => a.programmeName.localeCompare(b.programmeName, 'de') || b.score - a.score || a.measureNumber - b.measureNumber);
    if (!mine.length) continue;
    await notify(t, {
      municipalityId,
      kind: 'saved_search_match',
      userIds: [s.ownerId],
      params: { search: s.name, count: mine.length, searchId: s.id, changeKind, changedAt: new Date().toISOString(), hits: mine },
      link: `/funding/saved-searches/${s.id}`,
      eventKey: `${s.id}:${changeId}`,
    });
  }
}
