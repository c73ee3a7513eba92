import { z } from 'zod';
import type { App } from '../../app';
import { CreateMunicipalityBody, CreateUserBody, Me, UpdateUserBody, UserRow } from '../../../contract/auth';
import { IdParams } from '../../../contract/common';
import { InvitationSent } from '../../../contract/notifications';
import { requireRole, requireSession } from '../../plugins/actor';
import { me } from '../auth/auth.service';
import { addUser, createMunicipality, listUsers, removeUser, updateUser } from './users.service';

export async function usersRoutes(app: App) {
  const tags = ['users'];
  app.get('/users', { schema: { tags, response: { 200: z.array(UserRow) } } }, async (req) => {
    const actor = requireRole(req, 'admin');
    return listUsers(app.db, actor.municipalityId);
  });
  app.post('/users', { schema: { tags, body: CreateUserBody, response: { 201: UserRow, 202: InvitationSent } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin');
    const result = await addUser(app.db, actor, req.body);
    reply.code('invited' in result ? 202 : 201);
    return result;
  });
  app.patch('/users/:id', { schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: UserRow } } }, async (req) => {
    const actor = requireRole(req, 'admin');
    // Setting a password belongs to a person at the app, never to a script's API token.
    if (req.body.password !== undefined) requireSession(req);
    return updateUser(app.db, actor, req.params.id, req.body);
  });
  app.delete('/users/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const actor = requireRole(req, 'admin');
    await removeUser(app.db, actor, req.params.id);
    reply.code(204);
  });
  app.post('/municipalities', { schema: { tags, body: CreateMunicipalityBody, response: { 201: Me } } }, async (req, reply) => {
    const actor = requireRole(req, 'admin');
    await createMunicipality(app.db, actor, req.body);
    reply.code(201);
    return me(app.db, actor.userId, actor.municipalityId);
  });
}
