import { formatDateTime } from '../../../domain/format';

export interface MailHit { measureNumber: number; measureTitle: string; programmeName: string; score: number }

const CHANGE_DE: Record<string, string> = { create: 'ein neues Förderprogramm', update: 'eine Änderung an einem Förderprogramm', import: 'einen Import von Förderprogrammen' };

/** The German message (plain text and simple HTML) listing the new fits of one change. */
export function savedSearchMessage(d: {
  searchId: string; searchName: string; ownerName: string; municipalityName: string; changeKind: string; changedAt: Date; hits: MailHit[]; baseUrl?: string;
}): { subject: string; text: string; html: string } {
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
