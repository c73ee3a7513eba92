import { z } from 'zod';
import type { App } from '../../app';
import { IdParams, VersionQuery } from '../../../contract/common';
import {
  CriteriaBody, CriteriaSet, DecisionBody, RoundOptions, ScoresBody, ScoringRoundCreate, ScoringRoundDetail, ScoringRoundSummary, ScoringRoundUpdate, VersionOnly,
} from '../../../contract/priorities';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { getCriteria, saveCriteria } from './criteria.service';
import { changeStatus, createRound, deleteRound, getRound, listRounds, roundOptions, updateRound } from './rounds.service';
import { saveScores } from './scores.service';
import { decide } from './decisions.service';


export async function prioritiesRoutes(app: App) {
  const tags = ['priorities'];
  app.get('/priorities/criteria', { schema: { tags, response: { 200: CriteriaSet } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getCriteria(app.db, actor.municipalityId);
  });
  app.put('/priorities/criteria', { schema: { tags, body: CriteriaBody, response: { 200: CriteriaSet } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return saveCriteria(app.db, actor, req.body);
  });
  app.get('/priorities/round-options', { schema: { tags, response: { 200: RoundOptions } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return roundOptions(app.db, actor.municipalityId);
  });
  app.get('/priorities/rounds', { schema: { tags, response: { 200: z.array(ScoringRoundSummary) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listRounds(app.db, actor);
  });
  app.post('/priorities/rounds', { schema: { tags, body: ScoringRoundCreate, response: { 201: ScoringRoundDetail } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.code(201);
    return createRound(app.db, actor, req.body);
  });
  app.get('/priorities/rounds/:id', { schema: { tags, params: IdParams, response: { 200: ScoringRoundDetail } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getRound(app.db, actor, req.params.id);
  });
  app.patch('/priorities/rounds/:id', { schema: { tags, params: IdParams, body: ScoringRoundUpdate, response: { 200: ScoringRoundDetail } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return updateRound(app.db, actor, req.params.id, req.body);
  });
  app.delete('/priorities/rounds/:id', { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    await deleteRound(app.db, actor, req.params.id, req.query.version);
    reply.code(204);
  });
  // Any member may call it; the service admits only the round's raters (403 not_a_rater).
  app.put('/priorities/rounds/:id/scores', { schema: { tags, params: IdParams, body: ScoresBody, response: { 200: ScoringRoundDetail } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return saveScores(app.db, actor, req.params.id, req.body.scores);
  });
  app.post('/priorities/rounds/:id/reveal', { schema: { tags, params: IdParams, body: VersionOnly, response: { 200: ScoringRoundDetail } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return changeStatus(app.db, actor, req.params.id, req.body.version, 'revealed');
  });
  app.post('/priorities/rounds/:id/close', { schema: { tags, params: IdParams, body: VersionOnly, response: { 200: ScoringRoundDetail } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return changeStatus(app.db, actor, req.params.id, req.body.version, 'closed');
  });
  app.post('/priorities/rounds/:id/decisions', { schema: { tags, params: IdParams, body: DecisionBody, response: { 201: ScoringRoundDetail } } }, async (req, reply) => {
    const actor = requireRole(req, ...EDITORS);
    reply.code(201);
    return decide(app.db, actor, req.params.id, req.body);
  });
}
