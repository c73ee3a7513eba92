import { z } from 'zod';
import { Id, requiredText } from './common';

/**
 * Personal API tokens (issue 13): a script sends `Authorization: Bearer <token>` and acts as the token's
 * user in the token's municipality with the user's current role there. Managing tokens needs a session.
 */
export const ApiToken = z
  .object({
    id: Id.describe('Kennung des Tokens (zum Widerrufen).'),
    name: z.string().describe('Name, den die Person dem Token gegeben hat (z. B. „Haushaltsexport“).'),
    readOnly: z.boolean().describe('true: Das Token darf nur lesen; jede schreibende Anfrage wird mit 403 `read_only_token` abgelehnt.'),
    createdAt: z.string().describe('Erstellt am (ISO 8601).'),
    expiresAt: z.string().nullable().describe('Läuft ab am (ISO 8601); null = kein Ablauf.'),
    lastUsedAt: z.string().nullable().describe('Zuletzt benutzt (ISO 8601, auf die Minute genau); null = noch nie.'),
  })
  .meta({
    example: {
      id: '3f2b8c1e-7a4d-4c1b-9e2f-5d6a7b8c9d0e',
      name: 'Haushaltsexport',
      readOnly: true,
      createdAt: '2026-11-21T09:30:00.000Z',
      expiresAt: '2027-11-21T09:30:00.000Z',
      lastUsedAt: null,
    },
  });
export type ApiToken = z.infer<typeof ApiToken>;

export const API_TOKEN_MAX_DAYS = 3650;

export const CreateApiTokenBody = z.object({
  name: requiredText(100).describe('Wofür das Token ist; erscheint in der Liste im Profil.'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(API_TOKEN_MAX_DAYS)
    .nullable()
    .default(null)
    .describe('Gültigkeit in Tagen ab jetzt (1–3650); null = kein Ablauf.'),
  readOnly: z.boolean().default(false).describe('true: nur lesende Anfragen (GET) erlaubt.'),
});
export type CreateApiTokenBody = z.input<typeof CreateApiTokenBody>;

export const CreatedApiToken = z.object({
  token: ApiToken.describe('Das neue Token, wie es in der Liste erscheint.'),
  secret: z
    .string()
    .describe('Das Token selbst (beginnt mit `rf_`). Wird nur in dieser Antwort gezeigt; gespeichert ist nur sein Hash.'),
});
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

/** Every bearer token starts with this prefix, so secret scanners and people recognise it. */
export const API_TOKEN_PREFIX = 'rf_';
