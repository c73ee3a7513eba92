import { z } from 'zod';
import type { App } from '../../app';
import { IdParams, VersionQuery } from '../../../contract/common';
import { SavedSearch, SavedSearchHit, SavedSearchInput, SavedSearchUpdate } from '../../../contract/funding';
import { requireRole } from '../../plugins/actor';
import { createSavedSearch, deleteSavedSearch, getSavedSearch, listHits, listSavedSearches, markHitsSeen, unseenCount, updateSavedSearch } from './saved-search.service';


/** "Gespeicherte Suchen" of coordinators and admins; each user sees only their own. */
export async function savedSearchRoutes(app: App) {
  const tags = ['funding'];
  const roles = ['admin', 'coordinator'] as const;
  app.get('/saved-searches', { schema: { tags, response: { 200: z.array(SavedSearch) } } }, async (req) => {
    const actor = requireRole(req, ...roles);
    return listSavedSearches(app.db, actor);
  });
  app.get('/saved-searches/unseen', { schema: { tags, response: { 200: z.object({ count: z.number().int() }) } } }, async (req) => {
    const actor = requireRole(req, ...roles);
    return { count: await unseenCount(app.db, actor) };
  });
  app.post('/saved-searches', { schema: { tags, body: SavedSearchInput, response: { 201: SavedSearch } } }, async (req, reply) => {
    const actor = requireRole(req, ...roles);
    reply.code(201);
    return createSavedSearch(app.db, actor, req.body);
  });
  app.get('/saved-searches/:id', { schema: { tags, params: IdParams, response: { 200: SavedSearch } } }, async (req) => {
    const actor = requireRole(req, ...roles);
    return getSavedSearch(app.db, actor, req.params.id);
  });
  app.patch('/saved-searches/:id', { schema: { tags, params: IdParams, body: SavedSearchUpdate, response: { 200: SavedSearch } } }, async (req) => {
    const actor = requireRole(req, ...roles);
    return updateSavedSearch(app.db, actor, req.params.id, req.body);
  });
  app.delete('/saved-searches/:id', { schema: { tags, params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    const actor = requireRole(req, ...roles);
    await deleteSavedSearch(app.db, actor, req.params.id, req.query.version);
    reply.code(204);
  });
  app.get('/saved-searches/:id/hits', { schema: { tags, params: IdParams, response: { 200: z.array(SavedSearchHit) } } }, async (req) => {
    const actor = requireRole(req, ...roles);
    return listHits(app.db, actor, req.params.id);
  });
  app.post('/saved-searches/:id/seen', { schema: { tags, params: IdParams, response: { 200: z.object({ marked: z.number().int() }) } } }, async (req) => {
    const actor = requireRole(req, ...roles);
    return { marked: await markHitsSeen(app.db, actor, req.params.id) };
  });
}
