import type { Db } from '../../db/client';
import { formatRank, type Locale } from '../../../domain/format';
import { describeRules } from '../../../domain/voting';
import type { ProtocolView } from './protocol/types';
import { getWorkshop, listParticipants } from './workshops.service';
import { computeResults, rulesOf, type RoundRow } from './rounds.service';

const KIND_LABELS: Record<string, Record<Locale, string>> = {
  leadership: { de: 'Führungskräfteworkshop', en: 'Leadership workshop' },
  strategy: { de: 'Strategiewerkstatt', en: 'Strategy workshop' },
  network: { de: 'Netzwerkaustausch', en: 'Network exchange' },
  citizens: { de: 'Bürgerwerkstatt', en: 'Citizens’ workshop' },
  other: { de: 'Workshop', en: 'Workshop' },
};
const SUBJECT_LABELS: Record<string, Record<Locale, string>> = {
  measures: { de: 'Projektsteckbriefe', en: 'Project briefs' },
  goals: { de: 'Strategische Ziele', en: 'Strategic goals' },
  options: { de: 'Freie Optionen', en: 'Free options' },
};
const ROUND_STATUS: Record<string, Record<Locale, string>> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  open: { de: 'offen', en: 'open' },
  closed: { de: 'geschlossen', en: 'closed' },
};

/** Everything the protocol shows, read once: workshop, participants, groups with briefs, rounds with results, photos. */
export async function protocolView(db: Db, municipalityId: string, workshopId: string, locale: Locale): Promise<ProtocolView> {
  const w = await getWorkshop(db, municipalityId, workshopId);
  const [municipality] = await db.query<{ name: string }>('SELECT name FROM municipality WHERE id = $1', [municipalityId]);
  const participants = await listParticipants(db, municipalityId, workshopId);
  const groupName = new Map(w.groups.map((g) => [g.id, g.name]));
  const briefs = await db.query<{ id: string; number: number; title: string; need: string; goal: string; cost_cents: number | null; origin_group_id: string | null }>(
    `SELECT id, number, title, need, goal, cost_cents, origin_group_id FROM measure WHERE municipality_id = $1 AND origin_workshop_id = $2 ORDER BY number`,
    [municipalityId, workshopId],
  );
  const noGroup = locale === 'de' ? 'Ohne Gruppe' : 'No group';
  const groups = [...w.groups.map((g) => ({ id: g.id as string | null, name: g.name })), { id: null, name: noGroup }]
    .map((g) => ({
      name: g.name,
      briefs: briefs.filter((b) => b.origin_group_id === g.id).map((b) => ({ number: b.number, title: b.title, need: b.need, goal: b.goal, costCents: b.cost_cents })),
    }))
    .filter((g) => g.briefs.length > 0 || g.name !== noGroup);
  const rounds = await db.query<RoundRow>(`SELECT * FROM vote_round WHERE municipality_id = $1 AND workshop_id = $2 AND status <> 'draft' ORDER BY created_at`, [municipalityId, workshopId]);
  const titles = new Map(rounds.map((r) => [r.id, r.title]));
  const photos = await db.query<{ filename: string; mime_type: string; data: Uint8Array; title: string }>(
    `SELECT a.filename, a.mime_type, a.data, m.title FROM attachment a JOIN measure m ON m.id = a.measure_id AND m.municipality_id = a.municipality_id
     WHERE a.municipality_id = $1 AND m.origin_workshop_id = $2 AND a.mime_type IN ('image/png', 'image/jpeg') ORDER BY m.number, a.created_at`,
    [municipalityId, workshopId],
  );
  return {
    municipalityName: municipality?.name ?? '',
    workshop: {
      title: w.title, kindLabel: KIND_LABELS[w.kind][locale], startsOn: w.startsOn, endsOn: w.endsOn, place: w.place,
      onlineUrl: w.onlineUrl, facilitators: w.facilitators, agenda: w.agenda,
    },
    participants: participants.map((p) => ({ name: p.name, group: p.groupId ? (groupName.get(p.groupId) ?? null) : null, guest: p.userId == null })),
    groups,
    rounds: await Promise.all(
      rounds.map(async (r) => {
        const res = await computeResults(db, r, { facilitator: true });
        const label = new Map(res.rows.map((x) => [x.itemId, x.label]));
        const selected = new Set(res.selectedItemIds);
        return {
          title: r.title,
          subjectLabel: SUBJECT_LABELS[r.subject][locale],
          statusLabel: ROUND_STATUS[r.status][locale],
          rulesText: describeRules(rulesOf(r), locale),
          openedAt: r.opened_at ? new Date(r.opened_at).toISOString() : null,
          closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
          eligible: res.eligible,
          voters: res.voters,
          totalDots: res.totalDots,
          topN: res.topN,
          rows: res.rows.map((x) => ({ rankLabel: formatRank(x.rank, x.tied, locale), label: x.label, dots: x.dots, supporters: x.supporters, share: x.share, selected: selected.has(x.itemId) })),
          cutTie: res.cutTie ? { candidates: res.cutTie.candidateItemIds.map((id) => label.get(id) ?? id), seatsLeft: res.cutTie.seatsLeft } : null,
          decision: res.decision ? { chosen: res.decision.chosenItemIds.map((id) => label.get(id) ?? id), reason: res.decision.reason, by: res.decision.by, at: res.decision.at } : null,
          runoffOf: r.parent_round_id ? (titles.get(r.parent_round_id) ?? null) : null,
        };
      }),
    ),
    photos: photos.map((p) => ({ caption: `${p.title} – ${p.filename}`, mimeType: p.mime_type, data: Buffer.from(p.data) })),
  };
}
