import { z } from 'zod';
import type { App } from '../../app';
import {
  ActionField, ActionFieldInput, Concept, Department, DepartmentInput, Dimension, DimensionInput, District, DistrictInput,
  Goal, GoalInput, Municipality, UpdateMunicipalityBody, withVersion,
} from '../../../contract/concept';
import { IdParams, VersionQuery } from '../../../contract/common';
import { ALL_ROLES, EDITORS, requireRole } from '../../plugins/actor';
import { KINDS, createItem, deleteItem, getConcept, listItems, updateItem, updateMunicipality, type KindName } from './concept.service';

const SCHEMAS: Record<KindName, { item: z.ZodType; input: z.ZodObject }> = {
  dimensions: { item: Dimension, input: DimensionInput },
  'action-fields': { item: ActionField, input: ActionFieldInput },
  goals: { item: Goal, input: GoalInput },
  districts: { item: District, input: DistrictInput },
  departments: { item: Department, input: DepartmentInput },
};


export async function conceptRoutes(app: App) {
  app.get('/concept', { schema: { tags: ['concept'], response: { 200: Concept } } }, async (req) => {
    const actor = requireRole(req, ...ALL_ROLES);
    return getConcept(app.db, actor.municipalityId);
  });

  app.patch('/municipality', { schema: { tags: ['concept'], body: UpdateMunicipalityBody, response: { 200: Municipality } } }, async (req) => {
    const actor = requireRole(req, ...EDITORS);
    return updateMunicipality(app.db, actor, req.body);
  });

  for (const [path, { item, input }] of Object.entries(SCHEMAS) as [KindName, (typeof SCHEMAS)[KindName]][]) {
    const kind = KINDS[path];
    const tags = ['concept'];
    app.get(`/${path}`, { schema: { tags, response: { 200: z.array(item) } } }, async (req) => {
      const actor = requireRole(req, ...ALL_ROLES);
      return listItems(app.db, actor.municipalityId, kind);
    });
    app.post(`/${path}`, { schema: { tags, body: input, response: { 201: item } } }, async (req, reply) => {
      const actor = requireRole(req, ...EDITORS);
      reply.code(201);
      return createItem(app.db, actor, kind, req.body as Record<string, unknown>);
    });
    app.patch(`/${path}/:id`, { schema: { tags, params: IdParams, body: withVersion(input), response: { 200: item } } }, async (req) => {
      const actor = requireRole(req, ...EDITORS);
      return updateItem(app.db, actor, kind, req.params.id, req.body as Record<string, unknown> & { version: number });
    });
    app.delete(`/${path}/:id`, { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
      const actor = requireRole(req, ...EDITORS);
      await deleteItem(app.db, actor, kind, req.params.id, req.query.version);
      reply.code(204);
    });
  }
}
