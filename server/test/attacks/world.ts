import { expect } from 'vitest';
import { call, json, type Tenant } from '../harness';
import { multipart } from '../multipart';
import type { App } from '../../app';

/** One object of every kind a path can name, created through the API in one municipality. */
export interface World {
  ids: Record<IdKind, string>;
  joinCode: string;
}
export type IdKind =
  | 'measure' | 'measure2' | 'attachment' | 'dimension' | 'actionField' | 'goal' | 'district' | 'department'
  | 'workshop' | 'group' | 'participant' | 'round' | 'scoringRound' | 'programme' | 'savedSearch' | 'milestone' | 'user'
  | 'notification' | 'outboxMail' | 'report' | 'indicator' | 'indicatorValue';

async function ok(res: Awaited<ReturnType<typeof call>>, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
  return json(res);
}

export async function buildWorld(app: App, t: Tenant): Promise<World> {
  const admin = t.cookies.admin;
  const coord = t.cookies.coordinator;
  const dimension = await ok(await call(app, coord, 'POST', '/dimensions', { name: 'Soziales' }), 'dimension');
  const actionField = await ok(await call(app, coord, 'POST', '/action-fields', { name: 'Wohnen' }), 'action field');
  const goal = await ok(await call(app, coord, 'POST', '/goals', { title: 'Mehr Wohnraum', actionFieldIds: [actionField.id] }), 'goal');
  const district = await ok(await call(app, coord, 'POST', '/districts', { name: 'Altstadt' }), 'district');
  const m1 = await ok(await call(app, coord, 'POST', '/measures', { title: 'Marktplatz', districtIds: [district.id], leadDepartmentId: t.departmentIds[0] }), 'measure');
  const m2 = await ok(await call(app, coord, 'POST', '/measures', { title: 'Stadtpark', districtIds: [district.id], leadDepartmentId: t.departmentIds[1] }), 'measure 2');
  const file = multipart([{ name: 'file', filename: 'plan.txt', contentType: 'text/plain', data: 'Plan' }]);
  const attachment = await ok(
    await app.inject({ method: 'POST', url: `/api/v1/measures/${m1.id}/attachments`, headers: { cookie: coord, ...file.headers }, payload: file.payload }),
    'attachment',
  );
  const workshop = await ok(await call(app, coord, 'POST', '/workshops', { title: 'Auftakt', status: 'running', groups: [{ name: 'Gruppe 1' }] }), 'workshop');
  const participant = await ok(await call(app, coord, 'POST', `/workshops/${workshop.id}/participants`, { userId: t.userIds.reader }), 'participant');
  const round = await ok(await call(app, coord, 'POST', `/workshops/${workshop.id}/rounds`, { title: 'Runde', subject: 'measures', refIds: [m1.id, m2.id] }), 'round');
  const scoringRound = await ok(
    await call(app, coord, 'POST', '/priorities/rounds', { name: 'Bewertung', measureIds: [m1.id, m2.id], raterIds: [t.userIds.coordinator] }),
    'scoring round',
  );
  const programme = await ok(
    await call(app, admin, 'POST', '/funding-programmes', {
      name: 'Testprogramm', provider: 'Land', level: 'state', kind: 'grant', rateText: '', ratePercent: 60, rateWeakPercent: null,
      minAmountCents: null, maxAmountCents: null, applicants: ['municipality'], topics: ['Wohnen'], requiresDesignatedArea: false,
      climateRequirement: false, windows: [], requiredDocuments: '', description: '', sourceUrl: '', lastChecked: null,
    }),
    'programme',
  );
  const savedSearch = await ok(await call(app, coord, 'POST', '/saved-searches', { name: 'Wohnen' }), 'saved search');
  const milestone = await ok(await call(app, coord, 'POST', `/measures/${m1.id}/milestones`, { title: 'Baubeginn', dueOn: '2027-05-01' }), 'milestone');
  await ok(await call(app, coord, 'POST', `/measures/${m2.id}/dependencies`, { dependsOnId: m1.id }), 'dependency');
  const report = await ok(await call(app, coord, 'POST', `/measures/${m1.id}/reports`, { basedOn: null, state: 'on_track', progress: 10, spentCents: 0 }), 'status report');
  const indicator = await ok(
    await call(app, coord, 'POST', `/goals/${goal.id}/indicators`, { name: 'Wohnungen', baselineValue: 100, baselineDate: '2025-01-01', kind: 'increase_to', targets: [{ date: '2030-01-01', value: 200 }] }),
    'indicator',
  );
  const indicatorValue = await ok(await call(app, coord, 'POST', `/indicators/${indicator.id}/values`, { date: '2026-01-01', value: 110 }), 'indicator value');
  // a person who is not one of the signed-in test users, so that changing them changes no session
  const user = await ok(await call(app, admin, 'POST', '/users', { email: `extra.${Math.random().toString(16).slice(2)}@example.org`, name: 'Extra', role: 'reader', password: 'Weltenbau-Kennwort-73!' }), 'user');
  // the lead department of m1 was told (notifications); a failed mail in the outbox, as the worker leaves one
  const [notification] = json(await call(app, t.cookies.department, 'GET', '/notifications')).items;
  expect(notification, 'notification of the lead department').toBeTruthy();
  const [outboxMail] = await app.db.query<{ id: string }>(
    `INSERT INTO mail_outbox (municipality_id, kind, recipient, subject, text_body, status, attempts, last_error, idempotency_key)
     VALUES ($1, 'funding_deadline', 'x@example.org', 'Frist', 'x', 'failed', 5, '451', $2) RETURNING id`,
    [t.municipalityId, `world:${t.municipalityId}`],
  );
  return {
    ids: {
      measure: m1.id, measure2: m2.id, attachment: attachment.id, dimension: dimension.id, actionField: actionField.id, goal: goal.id,
      district: district.id, department: t.departmentIds[1], workshop: workshop.id, group: workshop.groups[0].id, participant: participant.id,
      round: round.id, scoringRound: scoringRound.id, programme: programme.id, savedSearch: savedSearch.id, milestone: milestone.id, user: user.id,
      notification: notification.id, outboxMail: outboxMail.id, report: report.id, indicator: indicator.id, indicatorValue: indicatorValue.id,
    },
    joinCode: workshop.joinCode,
  };
}
