import { z } from 'zod';
import type { App } from '../../app';
import { ApiToken, CreateApiTokenBody, CreatedApiToken } from '../../../contract/api-tokens';
import { IdParams } from '../../../contract/common';
import { requireSession } from '../../plugins/actor';
import { createToken, listTokens, revokeToken } from './tokens.service';

const SESSION_NOTE = 'Nur mit angemeldeter Sitzung (Cookie), nicht mit einem API-Token (403 `session_required`).';

export async function tokensRoutes(app: App) {
  const tags = ['tokens'];
  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Eigene API-Tokens auflisten',
        description: `Die persönlichen API-Tokens der angemeldeten Person in der aktuellen Kommune, neueste zuerst: Name, erstellt, zuletzt benutzt, Ablauf, nur lesen. Das Token selbst ist nicht abrufbar. Jede Rolle. ${SESSION_NOTE}`,
        response: { 200: z.array(ApiToken) },
      },
    },
    async (req) => listTokens(app.db, requireSession(req)),
  );
  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'API-Token erstellen',
        description: `Erstellt ein persönliches API-Token für die angemeldete Person in der aktuellen Kommune. Ein Skript sendet es als \`Authorization: Bearer <token>\` und handelt dann als diese Person mit ihrer jeweils aktuellen Rolle in dieser Kommune (wird die Rolle geändert oder die Mitgliedschaft entfernt, folgt das Token). \`secret\` steht nur in dieser Antwort; gespeichert wird nur ein HMAC. Jede Rolle; Audit-Eintrag. ${SESSION_NOTE}`,
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
    },
    async (req, reply) => {
      const actor = requireSession(req);
      reply.code(201);
      return createToken(app.db, app.config.sessionSecret, actor, req.body);
    },
  );
  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags,
        summary: 'API-Token widerrufen',
        description: `Widerruft eines der eigenen Tokens sofort: Anfragen damit erhalten danach 401 \`invalid_token\`. Die Kennung eines Tokens einer anderen Person oder Kommune ergibt 404. Audit-Eintrag. ${SESSION_NOTE}`,
        params: IdParams,
      },
    },
    async (req, reply) => {
      await revokeToken(app.db, requireSession(req), req.params.id);
      reply.code(204);
    },
  );
}
