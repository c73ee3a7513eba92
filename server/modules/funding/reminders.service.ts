import type { Db } from '../../db/client';
import { formatDate } from '../../../domain/format';
import { addDays, berlinToday, deadlineSourceName, listDeadlines, OPEN_STATUSES, SOURCE_STATUS_DE, type DeadlineItem } from './deadlines.service';
import { notify } from '../notifications/notify';

export interface ReminderOptions {
  /** default: today in Germany */
  today?: string;
  /** reminder marks in days before a deadline; default 14 and 3 */
  days?: number[];
}

export interface SentReminder {
  municipalityId: string;
  itemKey: string;
  daysBefore: number;
  recipients: number;
}

/** A row claimed by the earlier mailer (claim, send, complete) and never completed is taken over after this long. */
const STALE_CLAIM = '15 minutes';

/** The deadline as the reminder's e-mail needs it (kept with the notification, rendered when it is mailed). */
export type ReminderItem = Pick<DeadlineItem, 'date' | 'daysLeft' | 'kind' | 'measure' | 'programmeName' | 'sourceLabel' | 'sourceStatus' | 'note'>;

/**
 * Records the reminders that are due as notifications (kind `funding_deadline`): for each open deadline
 * (a source with status idea or preparing, not yet passed) the smallest mark d with days left ≤ d, unless
 * the reminder for (deadline, d) was recorded already. So a missed run catches up the next time, a
 * deadline entered late gets only the nearest reminder, and each reminder is recorded once: its row in
 * `reminder_sent` and its notifications are written in one transaction (one instance wins the row).
 * E-mail follows each person's preference, through the notification outbox.
 *
 * Recipients: the municipality's admins and coordinators, and the members of the measure's lead department.
 */
export async function sendDueReminders(db: Db, opts: ReminderOptions = {}): Promise<{ sent: SentReminder[] }> {
  const today = opts.today ?? berlinToday();
  const marks = [...new Set(opts.days ?? [14, 3])].filter((d) => d >= 0).sort((a, b) => a - b);
  const sent: SentReminder[] = [];
  if (!marks.length) return { sent };
  const municipalities = await db.query<{ id: string; name: string }>(
    `SELECT m.id, m.name FROM municipality m
      WHERE EXISTS (SELECT 1 FROM funding_source s WHERE s.municipality_id = m.id AND s.status = ANY($1::text[]))`,
    [[...OPEN_STATUSES]],
  );
  for (const municipality of municipalities) {
    const due = (await listDeadlines(db, municipality.id, { today, from: today, to: addDays(today, marks.at(-1)!) }))
      .filter((d) => d.daysLeft >= 0)
      .map((d) => ({ d, mark: marks.find((m) => d.daysLeft <= m) }))
      .filter((x): x is { d: DeadlineItem; mark: number } => x.mark !== undefined);
    if (!due.length) continue;
    const managers = (
      await db.query<{ userId: string }>(
        `SELECT user_id AS "userId" FROM membership WHERE municipality_id = $1 AND role IN ('admin', 'coordinator')`,
        [municipality.id],
      )
    ).map((m) => m.userId);
    for (const { d, mark } of due) {
      const itemKey = `${d.key}@${d.date}`;
      await db.tx(async (t) => {
        const [claimed] = await t.query(
          `INSERT INTO reminder_sent (municipality_id, item_key, days_before) VALUES ($1, $2, $3)
           ON CONFLICT (municipality_id, item_key, days_before) DO UPDATE SET claimed_at = now()
             WHERE reminder_sent.sent_at IS NULL AND reminder_sent.claimed_at < now() - interval '${STALE_CLAIM}'
           RETURNING 1`,
          [municipality.id, itemKey, mark],
        );
        if (!claimed) return;
        const item: ReminderItem = {
          date: d.date, daysLeft: d.daysLeft, kind: d.kind, measure: d.measure, programmeName: d.programmeName,
          sourceLabel: d.sourceLabel, sourceStatus: d.sourceStatus, note: d.note,
        };
        const ids = await notify(t, {
          municipalityId: municipality.id,
          kind: 'funding_deadline',
          userIds: managers,
          departmentIds: d.leadDepartmentId ? [d.leadDepartmentId] : [],
          params: { daysLeft: d.daysLeft, date: d.date, dateDe: formatDate(d.date), source: deadlineSourceName(d), number: d.measure.number, title: d.measure.title, item },
          link: `/measures/${d.measure.id}/funding`,
          eventKey: `${itemKey}:${mark}`,
        });
        await t.query('UPDATE reminder_sent SET sent_at = now(), recipients = $4 WHERE municipality_id = $1 AND item_key = $2 AND days_before = $3', [
          municipality.id, itemKey, mark, ids.length,
        ]);
        sent.push({ municipalityId: municipality.id, itemKey, daysBefore: mark, recipients: ids.length });
      });
    }
  }
  return { sent };
}

const weekday = (iso: string) => new Intl.DateTimeFormat('de-DE', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
const inDays = (n: number) => (n === 0 ? 'heute' : n === 1 ? 'morgen' : `in ${n} Tagen`);

/** The German reminder (plain text and simple HTML) for one deadline: the e-mail of a `funding_deadline` notification. */
export function reminderMessage(d: ReminderItem, ctx: { municipalityName: string; baseUrl?: string }): { subject: string; text: string; html: string } {
  const source = deadlineSourceName(d);
  const when = inDays(d.daysLeft);
  const date = `${weekday(d.date)}, ${formatDate(d.date)}`;
  const path = `/measures/${d.measure.id}/funding`;
  const link = ctx.baseUrl ? `${ctx.baseUrl}${path}` : path;
  const subject = `Antragsfrist ${when}: ${source} – Maßnahme Nr. ${d.measure.number} ${d.measure.title}`;
  const facts: [string, string][] = [
    ['Maßnahme', `Nr. ${d.measure.number} – ${d.measure.title}`],
    [d.programmeName ? 'Förderprogramm' : 'Finanzierungsquelle', source],
    ['Antragsfrist', date],
    ['Stand', SOURCE_STATUS_DE[d.sourceStatus] ?? d.sourceStatus],
  ];
  if (d.measure.leadDepartmentName) facts.push(['Federführung', d.measure.leadDepartmentName]);
  if (d.note) facts.push(['Hinweis', d.note]);
  const lead = `${when.charAt(0).toUpperCase()}${when.slice(1)}, am ${date}, endet die Antragsfrist für die Maßnahme Nr. ${d.measure.number} „${d.measure.title}“.`;
  const windowNote =
    d.kind === 'programme_window'
      ? 'Im Finanzierungsplan ist für diese Quelle keine eigene Antragsfrist eingetragen; die Frist ist das Ende des Antragsfensters des Programms.'
      : null;
  const todo = [
    'Klären Sie, ob der Antrag rechtzeitig gestellt wird und wer ihn einreicht.',
    'Stellen Sie die Antragsunterlagen zusammen (die geforderten Unterlagen stehen beim Förderprogramm in Roter Faden).',
    'Setzen Sie im Finanzierungsplan den Stand auf „beantragt“, sobald der Antrag gestellt ist. Wird nicht beantragt, passen Sie die Frist an oder entfernen Sie die Quelle – dann endet die Erinnerung.',
  ];
  const footer = `Sie erhalten diese Nachricht als Administrator/in, Koordinator/in oder Mitglied des federführenden Amtes in Roter Faden (${ctx.municipalityName}).`;
  const width = Math.max(...facts.map(([k]) => k.length)) + 2;
  const text = [
    'Guten Tag,',
    '',
    lead,
    ...(windowNote ? ['', windowNote] : []),
    '',
    ...facts.map(([k, v]) => `  ${`${k}:`.padEnd(width)}${v}`),
    '',
    'Was jetzt zu tun ist:',
    ...todo.map((t, i) => `${i + 1}. ${t}`),
    '',
    ctx.baseUrl ? `Zum Finanzierungsplan: ${link}` : `Zum Finanzierungsplan: in Roter Faden unter ${path}`,
    '',
    '-- ',
    footer,
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a">
<p>Guten Tag,</p>
<p><strong>${e(lead)}</strong></p>
${windowNote ? `<p>${e(windowNote)}</p>\n` : ''}<table role="presentation" style="border-collapse: collapse">
${facts.map(([k, v]) => `<tr><th scope="row" style="text-align: left; padding: 2px 16px 2px 0; font-weight: normal; color: #555">${e(k)}</th><td style="padding: 2px 0">${e(v)}</td></tr>`).join('\n')}
</table>
<p>Was jetzt zu tun ist:</p>
<ol>
${todo.map((t) => `<li>${e(t)}</li>`).join('\n')}
</ol>
<p>${ctx.baseUrl ? `<a href="${e(link)}">Zum Finanzierungsplan der Maßnahme</a>` : `Zum Finanzierungsplan: in Roter Faden unter ${e(path)}`}</p>
<p style="font-size: 13px; color: #555">${e(footer)}</p>
</body></html>
`;
  return { subject, text, html };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
