import { z } from 'zod';
import type { App } from '../../app';
import { IdParams } from '../../../contract/common';
import { NeighbourQuery, Neighbours, PairBody, PairParams, PairRecord, RelatedMeasure, SynergyPage, SynergyQuery } from '../../../contract/synergies';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { invalid } from '../../errors';
import { dismiss, listSynergies, neighbours, relate, relatedMeasures, removeMark } from './synergies.service';

/** Merging a pair uses POST /measures/:id/merge (measures module): it deletes one measure, so only admins and coordinators. */
export async function synergiesRoutes(app: App) {
  const tags = ['synergies'];
  const PAIR_EDITORS = [...EDITORS, 'department' as const];

  app.get('/synergies', { schema: { tags, querystring: SynergyQuery, response: { 200: SynergyPage } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return listSynergies(app.db, actor.municipalityId, req.query);
  });

  app.get('/synergies/in-my-districts', { schema: { tags, querystring: NeighbourQuery, response: { 200: Neighbours } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    const department = req.query.department ?? actor.departmentId;
    if (!department) throw invalid('validation_failed.department_required', [{ path: ['department'], message: 'erforderlich' }]);
    return neighbours(app.db, actor.municipalityId, department);
  });

  app.post('/synergies/relations', { schema: { tags, body: PairBody, response: { 201: PairRecord } } }, async (req, reply) => {
    const actor = requireRole(req, ...PAIR_EDITORS);
    reply.code(201);
    return relate(app.db, actor, req.body.measureIds);
  });
  app.delete('/synergies/relations/:a/:b', { schema: { tags, params: PairParams } }, async (req, reply) => {
    const actor = requireRole(req, ...PAIR_EDITORS);
    await removeMark(app.db, actor, 'relation', [req.params.a, req.params.b]);
    reply.code(204);
  });

  app.post('/synergies/dismissals', { schema: { tags, body: PairBody, response: { 201: PairRecord } } }, async (req, reply) => {
    const actor = requireRole(req, ...PAIR_EDITORS);
    reply.code(201);
    return dismiss(app.db, actor, req.body.measureIds);
  });
  app.delete('/synergies/dismissals/:a/:b', { schema: { tags, params: PairParams } }, async (req, reply) => {
    const actor = requireRole(req, ...PAIR_EDITORS);
    await removeMark(app.db, actor, 'dismissal', [req.params.a, req.params.b]);
    reply.code(204);
  });

  app.get('/measures/:id/related', { schema: { tags, params: IdParams, response: { 200: z.array(RelatedMeasure) } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return relatedMeasures(app.db, actor.municipalityId, req.params.id);
  });
}
