import type { FastifyReply } from 'fastify';
import type { App } from '../../app';
import { IdParams } from '../../../contract/common';
import {
  ErasureBody, ErasureSummary, ExportQuery, JoinCodeParams, MunicipalityParams, ParticipantParams, PrivacyNotice, PrivacySettings, PrivacySettingsInput,
} from '../../../contract/privacy';
import { requireRole, requireSession } from '../../plugins/actor';
import { contentDisposition } from '../../http';
import { assertMember, collectPersonalData, ownMunicipalities, recordPersonalExport } from './export.service';
import { personalDataPdf } from './export-pdf';
import { accountErasureSummary, eraseAccount, eraseGuest, guestErasureSummary } from './erasure.service';
import { getPrivacyNotice, getPrivacySettings, updatePrivacySettings } from './privacy.service';
import { workshopByCode } from '../workshops/join.service';

/** Data protection: exports on request, erasure, the privacy page and the guests' retention period. */
export async function privacyRoutes(app: App) {
  const tags = ['privacy'];
  const secret = app.config.sessionSecret;

  const send = async (reply: FastifyReply, data: Awaited<ReturnType<typeof collectPersonalData>>, format: 'json' | 'pdf', lang: 'de' | 'en') => {
    const date = new Date().toISOString().slice(0, 10);
    const body = format === 'json' ? JSON.stringify(data, null, 2) : await personalDataPdf(data, lang);
    return reply
      .header('content-type', format === 'json' ? 'application/json; charset=utf-8' : 'application/pdf')
      .header('content-disposition', contentDisposition('attachment', `${lang === 'de' ? 'Datenauskunft' : 'Personal-data'}-${date}.${format}`))
      .header('cache-control', 'no-store')
      .send(body);
  };

  for (const format of ['json', 'pdf'] as const) {
    const suffix = format === 'json' ? '' : '.pdf';
    app.get(`/me/data-export${suffix}`, {
      schema: {
        tags,
        summary: format === 'json' ? 'Eigene Daten als JSON (Auskunft, Art. 15/20 DS-GVO)' : 'Eigene Daten als PDF (Auskunft, Art. 15 DS-GVO)',
        description: 'Alles, was die App zur angemeldeten Person speichert, aus allen ihren Kommunen: Konto, Mitgliedschaften, Sitzungen und API-Tokens (nur Metadaten, nie Geheimnisse), angelegte oder geänderte Maßnahmen, Bewertungen, Punkte, Workshop-Teilnahmen, gespeicherte Suchen, eigene Aktivität im Protokoll. Die Ausgabe wird im Protokoll vermerkt.',
        querystring: ExportQuery,
      },
    }, async (req, reply) => {
      const actor = requireSession(req);
      const data = await collectPersonalData(app.db, actor.userId, await ownMunicipalities(app.db, actor.userId));
      await recordPersonalExport(app.db, actor, actor.userId, format);
      return send(reply, data, format, req.query.lang);
    });

    app.get(`/users/:id/data-export${suffix}`, {
      schema: {
        tags,
        summary: format === 'json' ? 'Daten eines Mitglieds als JSON (Auskunftsersuchen, Admins)' : 'Daten eines Mitglieds als PDF (Auskunftsersuchen, Admins)',
        description: 'Für ein Auskunftsersuchen an die Verwaltung: dieselben Angaben wie die eigene Auskunft, aber nur aus dieser Kommune. Personen anderer Kommunen: 404. Die Ausgabe wird im Protokoll vermerkt.',
        params: IdParams,
        querystring: ExportQuery,
      },
    }, async (req, reply) => {
      const actor = requireRole(req, 'admin');
      await assertMember(app.db, actor.municipalityId, req.params.id);
      const data = await collectPersonalData(app.db, req.params.id, [actor.municipalityId]);
      await recordPersonalExport(app.db, actor, req.params.id, format);
      return send(reply, data, format, req.query.lang);
    });
  }

  app.get('/users/:id/erasure', {
    schema: { tags, summary: 'Löschung eines Kontos: Vorschau (Admins)', description: 'Was eine Löschung ändern würde und wie viele Einträge, bevor sie bestätigt wird. Ändert nichts.', params: IdParams, response: { 200: ErasureSummary } },
  }, async (req) => accountErasureSummary(app.db, secret, requireRole(req, 'admin'), req.params.id));

  app.post('/users/:id/erasure', {
    schema: {
      tags, summary: 'Konto löschen (pseudonymisieren, Admins)',
      description: 'Ersetzt Name und E-Mail-Adresse überall durch ein Pseudonym (auch im Protokoll), beendet Sitzungen, widerruft Tokens, löscht den zweiten Faktor; Punkte und Bewertungen bleiben gezählt. Gehört das Konto auch zu anderen Kommunen, wird nur die Mitgliedschaft hier entfernt und der Name in den Daten dieser Kommune ersetzt. Bestätigung durch Eintippen des Namens. Schreibt ein Protokollereignis `erasure` (ohne den gelöschten Namen).',
      params: IdParams, body: ErasureBody, response: { 200: ErasureSummary },
    },
  }, async (req) => eraseAccount(app.db, secret, requireSessionAdmin(req), req.params.id, req.body.confirmName));

  app.get('/workshops/:id/participants/:participantId/erasure', {
    schema: { tags, summary: 'Löschung eines Gastes: Vorschau (Admins)', description: 'Was die Löschung eines Workshop-Gastes ändern würde. Ändert nichts.', params: ParticipantParams, response: { 200: ErasureSummary } },
  }, async (req) => guestErasureSummary(app.db, secret, requireRole(req, 'admin'), req.params.id, req.params.participantId));

  app.post('/workshops/:id/participants/:participantId/erasure', {
    schema: {
      tags, summary: 'Gast löschen (pseudonymisieren, Admins)',
      description: 'Ersetzt den Namen eines Workshop-Gastes durch ein Pseudonym (auch in festgehaltenen Ergebnissen und im Protokoll) und löst die Bindung an Gerät und persönlichen Code; seine Punkte bleiben gezählt. Bestätigung durch Eintippen des Namens.',
      params: ParticipantParams, body: ErasureBody, response: { 200: ErasureSummary },
    },
  }, async (req) => eraseGuest(app.db, secret, requireSessionAdmin(req), req.params.id, req.params.participantId, req.body.confirmName));

  app.get('/privacy/settings', {
    schema: { tags, summary: 'Datenschutz-Einstellungen (Admins)', description: 'Text der Datenschutzseite und Aufbewahrungsfrist für Namen von Workshop-Gästen.', response: { 200: PrivacySettings } },
  }, async (req) => getPrivacySettings(app.db, requireRole(req, 'admin').municipalityId));

  app.put('/privacy/settings', {
    schema: { tags, summary: 'Datenschutz-Einstellungen ändern (Admins)', description: 'Speichert den Text der Datenschutzseite und die Aufbewahrungsfrist (0–3650 Tage, 0 = nicht automatisch löschen).', body: PrivacySettingsInput, response: { 200: PrivacySettings } },
  }, async (req) => updatePrivacySettings(app.db, requireRole(req, 'admin'), req.body));

  app.get('/privacy/notice/:municipalityId', {
    schema: { tags, summary: 'Datenschutzseite einer Kommune (öffentlich)', description: 'Der Text, den die Verwaltung für ihre Datenschutzseite geschrieben hat, ohne Anmeldung lesbar.', params: MunicipalityParams, response: { 200: PrivacyNotice } },
  }, async (req) => getPrivacyNotice(app.db, req.params.municipalityId));

  // Guests know a code, not the municipality: the join pages link here.
  app.get('/join/:code/privacy', {
    schema: { tags, summary: 'Datenschutzseite zum Workshopcode (öffentlich)', description: 'Die Datenschutzseite der Kommune, zu der der Workshop- oder persönliche Code gehört.', params: JoinCodeParams, response: { 200: PrivacyNotice } },
  }, async (req) => getPrivacyNotice(app.db, (await workshopByCode(app.db, req.params.code)).municipality_id));
}

/** Erasing cannot be undone: only an admin in a signed-in session, never a script's token. */
function requireSessionAdmin(req: Parameters<typeof requireRole>[0]) {
  requireSession(req);
  return requireRole(req, 'admin');
}
