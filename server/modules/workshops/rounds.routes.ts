import { z } from 'zod';
import type { App } from '../../app';
import { IdParams } from '../../../contract/common';
import { DecisionBody, MyRound, PlaceDotBody, RemoveDotBody, Round, RoundCreate, RoundResults, RoundUpdate } from '../../../contract/workshops';
import { notFound } from '../../errors';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { placeDot, removeDot } from './dots.service';
import { findParticipant } from './join.service';
import { participantOf } from './join.routes';
import {
  closeRound, computeResults, createRound, createRunoff, deleteRound, getRound, listRounds, openRound, recordDecision, roundRow, updateRound,
} from './rounds.service';

export async function roundsRoutes(app: App) {
  const tags = ['voting'];
  app.get('/workshops/:id/rounds', { schema: { tags, params: IdParams, response: { 200: z.array(Round) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listRounds(app.db, actor.municipalityId, req.params.id);
  });
  app.post('/workshops/:id/rounds', { schema: { tags, params: IdParams, body: RoundCreate, response: { 201: Round } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.code(201);
    return createRound(app.db, actor, req.params.id, req.body);
  });
  app.get('/rounds/:id', { schema: { tags, params: IdParams, response: { 200: Round } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getRound(app.db, actor.municipalityId, req.params.id);
  });
  app.patch('/rounds/:id', { schema: { tags, params: IdParams, body: RoundUpdate, response: { 200: Round } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return updateRound(app.db, actor, req.params.id, req.body);
  });
  app.delete('/rounds/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    await deleteRound(app.db, actor, req.params.id);
    reply.code(204);
  });
  app.post('/rounds/:id/open', { schema: { tags, params: IdParams, response: { 200: Round } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return openRound(app.db, actor, req.params.id);
  });
  app.post('/rounds/:id/close', { schema: { tags, params: IdParams, response: { 200: Round } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    await roundRow(app.db, req.params.id, actor.municipalityId);
    return closeRound(app.db, actor, req.params.id, actor.municipalityId);
  });
  app.post('/rounds/:id/runoff', { schema: { tags, params: IdParams, response: { 201: Round } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.code(201);
    return createRunoff(app.db, actor, req.params.id);
  });
  app.post('/rounds/:id/decision', { schema: { tags, params: IdParams, body: DecisionBody, response: { 200: RoundResults } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return recordDecision(app.db, actor, req.params.id, req.body);
  });

  /** Members of the municipality see results (facilitators always); participants when the rules show them. */
  async function viewer(req: Parameters<typeof participantOf>[1], roundId: string) {
    const r = await roundRow(app.db, roundId);
    const member = req.actor && req.actor.municipalityId === r.municipality_id ? req.actor : null;
    if (member) return { r, facilitator: EDITORS.includes(member.role) };
    const p = await findParticipant(app.db, { id: r.workshop_id, municipality_id: r.municipality_id }, req.actor, participantOf(app, req).deviceHash);
    // Neither a member nor a participant: the same answer as for an id that does not exist, so another
    // municipality cannot tell its rounds apart from random ids (issue 14).
    if (!p) throw notFound('voteRound');
    return { r, facilitator: false };
  }

  app.get('/rounds/:id/results', { schema: { tags, params: IdParams, response: { 200: RoundResults } } }, async (req) => {
    const { r, facilitator } = await viewer(req, req.params.id);
    return computeResults(app.db, r, { facilitator });
  });
  app.get('/rounds/:id/events', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const { facilitator } = await viewer(req, req.params.id);
    await app.live.streamRound(req, reply, req.params.id, facilitator);
  });

  app.post('/rounds/:id/dots', { schema: { tags, params: IdParams, body: PlaceDotBody, response: { 200: MyRound } } }, async (req) => {
    return placeDot(app.db, participantOf(app, req), req.params.id, req.body);
  });
  app.delete('/rounds/:id/dots', { schema: { tags, params: IdParams, body: RemoveDotBody, response: { 200: MyRound } } }, async (req) => {
    return removeDot(app.db, participantOf(app, req), req.params.id, req.body);
  });
}
