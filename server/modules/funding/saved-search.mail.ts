import type { Db } from '../../db/client';
import { formatDateTime } from '../../../domain/format';
import type { Mailer, MailMessage } from './mailer';

/** A claim not completed (the instance died while sending) is given up after this long and retried. */
const STALE_CLAIM = '15 minutes';
/** Older changes are not mailed any more (e.g. when notification was switched on later). */
const MAX_AGE = '7 days';

export interface MailHit { measureNumber: number; measureTitle: string; programmeName: string; score: number }

const CHANGE_DE: Record<string, string> = { create: 'ein neues Förderprogramm', update: 'eine Änderung an einem Förderprogramm', import: 'einen Import von Förderprogrammen' };

/**
 * Sends one e-mail per saved search and catalogue change that found new fits, to the saved search's
 * owner, for searches with notification on. Each (saved search, change) row in `saved_search_mail` is
 * claimed before sending, so with several instances each mail goes out once; a failed send releases
 * the claim, and the next change (on any instance) tries again.
 */
export async function sendSavedSearchMails(
  db: Db,
  mailer: Mailer,
  opts: { municipalityId?: string; baseUrl?: string; log?: { warn: (obj: object, msg: string) => void } } = {},
): Promise<{ sent: number; failed: number }> {
  const due = await db.query<{ searchId: string; changeId: string; searchName: string; email: string; ownerName: string; municipalityName: string; changeKind: string; changedAt: Date }>(
    `SELECT DISTINCT s.id AS "searchId", c.id AS "changeId", s.name AS "searchName", u.email, u.name AS "ownerName",
            mu.name AS "municipalityName", c.kind AS "changeKind", c.created_at AS "changedAt"
       FROM saved_search_hit h
       JOIN saved_search s ON s.id = h.saved_search_id
       JOIN funding_change c ON c.id = h.change_id
       JOIN app_user u ON u.id = s.owner_id
       JOIN municipality mu ON mu.id = s.municipality_id
      WHERE s.notify_email AND c.created_at > now() - interval '${MAX_AGE}'
        AND ($1::uuid IS NULL OR s.municipality_id = $1::uuid)
        AND NOT EXISTS (SELECT 1 FROM saved_search_mail x WHERE x.saved_search_id = s.id AND x.change_id = c.id
                          AND (x.sent_at IS NOT NULL OR x.claimed_at > now() - interval '${STALE_CLAIM}'))
      ORDER BY c.created_at`,
    [opts.municipalityId ?? null],
  );
  let sent = 0;
  let failed = 0;
  for (const d of due) {
    const [claimed] = await db.query(
      `INSERT INTO saved_search_mail (saved_search_id, change_id) VALUES ($1, $2)
       ON CONFLICT (saved_search_id, change_id) DO UPDATE SET claimed_at = now()
         WHERE saved_search_mail.sent_at IS NULL AND saved_search_mail.claimed_at < now() - interval '${STALE_CLAIM}'
       RETURNING 1`,
      [d.searchId, d.changeId],
    );
    if (!claimed) continue;
    try {
      const hits = await db.query<MailHit>(
        `SELECT m.number AS "measureNumber", m.title AS "measureTitle", p.name AS "programmeName", h.score
           FROM saved_search_hit h
           JOIN measure m ON m.municipality_id = h.municipality_id AND m.id = h.measure_id
           JOIN funding_programme p ON p.municipality_id = h.municipality_id AND p.id = h.programme_id
          WHERE h.saved_search_id = $1 AND h.change_id = $2
          ORDER BY p.name, h.score DESC, m.number`,
        [d.searchId, d.changeId],
      );
      if (hits.length) {
        const msg = savedSearchMessage({ ...d, hits, searchId: d.searchId, baseUrl: opts.baseUrl });
        await mailer.send({ ...msg, to: [d.email] });
      }
      await db.query('UPDATE saved_search_mail SET sent_at = now() WHERE saved_search_id = $1 AND change_id = $2', [d.searchId, d.changeId]);
      sent++;
    } catch (err) {
      failed++;
      opts.log?.warn({ err, savedSearchId: d.searchId, changeId: d.changeId }, 'sending a saved search mail failed');
      await db.query('DELETE FROM saved_search_mail WHERE saved_search_id = $1 AND change_id = $2 AND sent_at IS NULL', [d.searchId, d.changeId]).catch(() => undefined);
    }
  }
  return { sent, failed };
}

/** The German message (plain text and simple HTML) listing the new fits of one change. */
export function savedSearchMessage(d: {
  searchId: string; searchName: string; ownerName: string; municipalityName: string; changeKind: string; changedAt: Date; hits: MailHit[]; baseUrl?: string;
}): Omit<MailMessage, 'to'> {
  const n = d.hits.length;
  const subject = `Gespeicherte Suche „${d.searchName}“: ${n} neue ${n === 1 ? 'Fördermöglichkeit' : 'Fördermöglichkeiten'}`;
  const path = `/funding/saved-searches/${d.searchId}`;
  const link = d.baseUrl ? `${d.baseUrl}${path}` : path;
  const lead = `durch ${CHANGE_DE[d.changeKind] ?? 'eine Änderung im Förderkatalog'} am ${formatDateTime(d.changedAt)} passen ${n === 1 ? 'ein Förderprogramm und eine Maßnahme' : `${n} Paare aus Förderprogramm und Maßnahme`} neu zu Ihrer gespeicherten Suche „${d.searchName}“:`;
  const lines = d.hits.map((h) => `- ${h.programmeName} → Maßnahme Nr. ${h.measureNumber} „${h.measureTitle}“ (Passung ${h.score} von 100)`);
  const footer = `Sie erhalten diese Nachricht, weil Sie bei der gespeicherten Suche in Roter Faden (${d.municipalityName}) die E-Mail-Benachrichtigung eingeschaltet haben. Abschalten: bei der Suche „E-Mail-Benachrichtigung“ abwählen.`;
  const text = [`Guten Tag ${d.ownerName},`, '', lead, '', ...lines, '', d.baseUrl ? `Zur gespeicherten Suche: ${link}` : `Zur gespeicherten Suche: in Roter Faden unter ${path}`, '', '-- ', footer, ''].join('\n');
  const e = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a">
<p>Guten Tag ${e(d.ownerName)},</p>
<p>${e(lead)}</p>
<ul>
${d.hits.map((h) => `<li><strong>${e(h.programmeName)}</strong> → Maßnahme Nr. ${h.measureNumber} „${e(h.measureTitle)}“ (Passung ${h.score} von 100)</li>`).join('\n')}
</ul>
<p>${d.baseUrl ? `<a href="${e(link)}">Zur gespeicherten Suche</a>` : `Zur gespeicherten Suche: in Roter Faden unter ${e(path)}`}</p>
<p style="font-size: 13px; color: #555">${e(footer)}</p>
</body></html>
`;
  return { subject, text, html };
}
