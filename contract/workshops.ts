import { z } from 'zod';
import { Id, IsoDate, Version, optionalUrl, requiredText, trimmed } from './common';
import { MAX_ROUND_ITEMS } from '../domain/voting';

export const WorkshopKind = z.enum(['leadership', 'strategy', 'network', 'citizens', 'other']);
export const WorkshopStatus = z.enum(['planned', 'running', 'done']);
/** 'open': anyone with the workshop code joins; 'named': only listed people, each with a personal code */
export const WorkshopAdmission = z.enum(['open', 'named']);

export const WorkshopGroup = z.object({
  id: Id,
  name: z.string(),
  districtId: Id.nullable(),
  position: z.number().int(),
});
export type WorkshopGroup = z.infer<typeof WorkshopGroup>;

export const Workshop = z.object({
  id: Id,
  title: z.string(),
  kind: WorkshopKind,
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  place: z.string(),
  onlineUrl: z.string(),
  facilitators: z.string(),
  agenda: z.string(),
  status: WorkshopStatus,
  admission: WorkshopAdmission,
  /** short code participants type or scan (QR) to join */
  joinCode: z.string(),
  groups: z.array(WorkshopGroup),
  participantCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Workshop = z.infer<typeof Workshop>;

const workshopFields = {
  title: requiredText(300),
  kind: WorkshopKind,
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  place: trimmed(300),
  onlineUrl: optionalUrl(),
  facilitators: trimmed(1000),
  agenda: trimmed(20000),
  status: WorkshopStatus,
  admission: WorkshopAdmission,
};
const datesInOrder = (w: { startsOn?: string | null; endsOn?: string | null }) => !w.startsOn || !w.endsOn || w.endsOn >= w.startsOn;
const datesMessage = { message: 'Das Ende liegt vor dem Beginn', path: ['endsOn'] };

export const WorkshopCreate = z
  .object({
    ...workshopFields,
    kind: workshopFields.kind.default('strategy'),
    startsOn: workshopFields.startsOn.default(null),
    endsOn: workshopFields.endsOn.default(null),
    place: workshopFields.place.default(''),
    onlineUrl: workshopFields.onlineUrl.default(''),
    facilitators: workshopFields.facilitators.default(''),
    agenda: workshopFields.agenda.default(''),
    status: workshopFields.status.default('planned'),
    admission: workshopFields.admission.default('open'),
    /** groups to create with the workshop, e.g. one per district */
    groups: z.array(z.object({ name: requiredText(200), districtId: Id.nullable().default(null) })).max(50).default([]),
  })
  .refine(datesInOrder, datesMessage);
export const WorkshopUpdate = z
  .object(workshopFields)
  .partial()
  .extend({ version: Version })
  .refine(datesInOrder, datesMessage);

export const GroupInput = z.object({ name: requiredText(200), districtId: Id.nullable().default(null) });
export const GroupUpdate = z.object({ name: requiredText(200).optional(), districtId: Id.nullable().optional() });

export const Participant = z.object({
  id: Id,
  name: z.string(),
  groupId: Id.nullable(),
  /** account of the municipality, or null for a guest who joined by code */
  userId: Id.nullable(),
  /** listed by the facilitator with a personal code (named participants) */
  hasCode: z.boolean(),
  joinedAt: z.string(),
});
export type Participant = z.infer<typeof Participant>;
/** The facilitator lists a person: an account of the municipality (userId) or a named guest (name). */
export const AddParticipantBody = z
  .object({ userId: Id.optional(), name: requiredText(100).optional(), groupId: Id.nullable().default(null) })
  .refine((b) => !!b.userId !== !!b.name, { message: 'Bitte wählen Sie ein Konto oder geben Sie einen Namen ein.', path: ['name'] });
/** A named participant's personal code, for the printed list and the QR code per person. */
export const ParticipantCode = z.object({ participantId: Id, name: z.string(), groupId: Id.nullable(), code: z.string(), url: z.string() });
export type ParticipantCode = z.infer<typeof ParticipantCode>;
export const UpdateParticipantBody = z.object({ groupId: Id.nullable().optional(), name: requiredText(100).optional() });

/** Joining by code: a guest gives a name (no password); a signed-in member joins as themselves. */
export const JoinBody = z.object({ name: requiredText(100), groupId: Id.nullable().default(null) });
export const JoinInfo = z.object({
  workshopId: Id,
  title: z.string(),
  municipalityName: z.string(),
  startsOn: IsoDate.nullable(),
  place: z.string(),
  groups: z.array(WorkshopGroup.pick({ id: true, name: true })),
  /** the workshop is over: no one joins or votes any more */
  ended: z.boolean(),
  /** only listed people join, with their personal code */
  named: z.boolean(),
  /** opened with a personal code: whose it is */
  personalName: z.string().nullable(),
});
export type JoinInfo = z.infer<typeof JoinInfo>;
/** GET /join/:code: the workshop, and whether the asking device (or account) has joined it already */
export const JoinInfoForDevice = JoinInfo.extend({ joined: z.boolean() });
export type JoinInfoForDevice = z.infer<typeof JoinInfoForDevice>;

// ---- dot voting ----

export const RoundSubject = z.enum(['measures', 'goals', 'options']);
export const RoundStatus = z.enum(['draft', 'open', 'closed']);
export const ResultsVisibility = z.enum(['live', 'after_close']);

export const VotingRulesSchema = z.object({
  dotsPerParticipant: z.number().int().min(1).max(50),
  allowCumulation: z.boolean(),
  maxDotsPerItem: z.number().int().min(1).max(50),
  anonymous: z.boolean(),
  resultsVisibility: ResultsVisibility,
  timerSeconds: z.number().int().min(10).max(7200).nullable(),
  topN: z.number().int().min(1).max(100),
});

export const VoteItem = z.object({ id: Id, label: z.string(), refId: Id.nullable(), position: z.number().int() });
export type VoteItem = z.infer<typeof VoteItem>;

export const RoundDecision = z.object({
  chosenItemIds: z.array(Id),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  /** only on a revision: why the decision before it was replaced */
  revisionReason: z.string().optional(),
});
export type RoundDecision = z.infer<typeof RoundDecision>;

export const Round = z.object({
  id: Id,
  workshopId: Id,
  title: z.string(),
  subject: RoundSubject,
  rules: VotingRulesSchema,
  status: RoundStatus,
  openedAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** a run-off round names the round whose tie it decides */
  parentRoundId: Id.nullable(),
  decision: RoundDecision.nullable(),
  /** every decision recorded for the tie, oldest first; the last one is `decision` */
  decisionHistory: z.array(RoundDecision),
  items: z.array(VoteItem),
  version: z.number().int(),
});
export type Round = z.infer<typeof Round>;

const tooMany = `Höchstens ${MAX_ROUND_ITEMS} Einträge je Runde – bitte die Auswahl eingrenzen.`;

export const RoundCreate = z.object({
  title: requiredText(300),
  subject: RoundSubject,
  rules: VotingRulesSchema.partial().default({}),
  /**
   * for measures/goals: the ids to vote on — any of the municipality's briefs, from any workshop or none
   * (default: all briefs from this workshop, or all goals); for options: labels
   */
  refIds: z.array(Id).max(MAX_ROUND_ITEMS, tooMany).optional(),
  options: z.array(requiredText(300)).max(MAX_ROUND_ITEMS, tooMany).optional(),
});
export const RoundUpdate = z.object({
  version: Version,
  title: requiredText(300).optional(),
  rules: VotingRulesSchema.partial().optional(),
});

export const PlaceDotBody = z.object({
  itemId: Id,
  /** generated by the client once per tap: a retried request never counts twice */
  dotId: Id,
});
export const RemoveDotBody = z.object({ itemId: Id });

export const TallyRow = z.object({
  itemId: Id,
  label: z.string(),
  dots: z.number().int(),
  supporters: z.number().int(),
  rank: z.number().int(),
  /** German display form: "5", or "5 (gleichauf)" when shared (domain/format formatRank) */
  rankLabel: z.string(),
  /** another item shares this rank */
  tied: z.boolean(),
  share: z.number(),
  /** names of the supporters with their dots (named rounds only, after close or for the facilitator) */
  voters: z.array(z.object({ name: z.string(), dots: z.number().int() })).optional(),
});
export type TallyRow = z.infer<typeof TallyRow>;

export const RoundResults = z.object({
  roundId: Id,
  status: RoundStatus,
  visible: z.boolean(),
  totalDots: z.number().int(),
  voters: z.number().int(),
  eligible: z.number().int(),
  rows: z.array(TallyRow),
  topN: z.number().int(),
  selectedItemIds: z.array(Id),
  cutTie: z.object({ rank: z.number().int(), candidateItemIds: z.array(Id), seatsLeft: z.number().int() }).nullable(),
  decision: RoundDecision.nullable(),
  /** monotonic: a client can tell a newer snapshot from an older one */
  seq: z.number().int(),
});
export type RoundResults = z.infer<typeof RoundResults>;

/** What a participant sees of a round: the rules in plain words and their own dots. */
export const MyRound = z.object({
  round: Round,
  rulesText: z.array(z.string()),
  myDots: z.record(z.string(), z.number().int()),
  remaining: z.number().int(),
  /** the tally as the participant may see it; null in answers to a dot (the live stream brings it) */
  results: RoundResults.nullable(),
});
export type MyRound = z.infer<typeof MyRound>;

/** A participant's home in a workshop (GET /join/:code/me). */
export const JoinHome = z.object({ participant: Participant, workshop: JoinInfo, rounds: z.array(MyRound) });
export type JoinHome = z.infer<typeof JoinHome>;
/** POST /join/:code: the participant and their home, so that the phone shows the ballot without another request. */
export const Joined = Participant.extend({ home: JoinHome });
export type Joined = z.infer<typeof Joined>;
/**
 * What the page /join/<code> carries for its script (server/modules/workshops/join-page.ts): the answer of
 * GET /join/:code (null: unknown code) and, for a device that already joined, its home, in `lang`.
 */
export const JoinBoot = z.object({ code: z.string(), lang: z.enum(['de', 'en']), info: JoinInfoForDevice.nullable(), home: JoinHome.nullable() });
export type JoinBoot = z.infer<typeof JoinBoot>;

/**
 * A decision at the Top-N cut. Once recorded it is final: replacing it needs `revise: true` and the
 * reason for the revision (kept with the round's decision history and in the audit trail).
 */
export const DecisionBody = z
  .object({
    chosenItemIds: z.array(Id).min(1).max(100),
    reason: requiredText(2000),
    revise: z.boolean().default(false),
    revisionReason: trimmed(2000).optional(),
  })
  .refine((d) => !d.revise || !!d.revisionReason, { message: 'Bitte begründen Sie, warum die Entscheidung geändert wird.', path: ['revisionReason'] });

export const WorkshopBriefBody = z.object({
  title: requiredText(300),
  need: trimmed(5000).default(''),
  goal: trimmed(5000).default(''),
  description: trimmed(10000).default(''),
  districtIds: z.array(Id).max(20).default([]),
});

export const MergeBody = z.object({ duplicateId: Id, version: Version, duplicateVersion: Version });
