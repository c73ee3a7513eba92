/**
 * The e-mails of notifications: one per notification (the kind's own German mail when it has one, else
 * the sentence in the person's language) and the daily digest. Every mail carries a one-click
 * unsubscribe (RFC 8058 List-Unsubscribe + List-Unsubscribe-Post) and the same link in its text.
 */
import { renderTitle, KINDS, isKind, type Lang } from './kinds';
import { reminderMessage, type ReminderItem } from '../funding/reminders.service';
import { savedSearchMessage, type MailHit } from '../funding/saved-search.mail';

export interface ComposedMail { subject: string; text: string; html: string; headers: Record<string, string> }

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const T = {
  de: {
    hello: (name: string) => `Guten Tag ${name},`,
    open: 'Öffnen',
    why: (m: string) => `Sie erhalten diese Nachricht als Mitglied von Roter Faden (${m}).`,
    unsubscribe: (label: string) => `Diese Art von E-Mail („${label}“) abbestellen`,
    unsubscribeDigest: 'Die tägliche Zusammenfassung abbestellen',
    settings: 'Alle Einstellungen zu Benachrichtigungen',
    digestSubject: (n: number, m: string) => `Ihre tägliche Zusammenfassung: ${n === 1 ? 'eine Benachrichtigung' : `${n} Benachrichtigungen`} (${m})`,
    digestLead: (n: number) => (n === 1 ? 'seit der letzten Zusammenfassung gibt es eine neue Benachrichtigung:' : `seit der letzten Zusammenfassung gibt es ${n} neue Benachrichtigungen:`),
  },
  en: {
    hello: (name: string) => `Hello ${name},`,
    open: 'Open',
    why: (m: string) => `You receive this message as a member of Roter Faden (${m}).`,
    unsubscribe: (label: string) => `Unsubscribe from this kind of e-mail (“${label}”)`,
    unsubscribeDigest: 'Unsubscribe from the daily digest',
    settings: 'All notification settings',
    digestSubject: (n: number, m: string) => `Your daily digest: ${n === 1 ? 'one notification' : `${n} notifications`} (${m})`,
    digestLead: (n: number) => (n === 1 ? 'there is one new notification since the last digest:' : `there are ${n} new notifications since the last digest:`),
  },
} satisfies Record<Lang, unknown>;

export interface MailContext { baseUrl: string; unsubscribeUrl: string; municipalityName: string; userName: string; lang: Lang }

const abs = (baseUrl: string, link: string | null) => (link ? `${baseUrl}${link}` : null);

function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function footer(ctx: MailContext, unsubscribeLabel: string) {
  const t = T[ctx.lang];
  const settings = `${ctx.baseUrl}/profile#notifications`;
  return {
    text: ['-- ', t.why(ctx.municipalityName), `${unsubscribeLabel}: ${ctx.unsubscribeUrl}`, `${t.settings}: ${settings}`, ''].join('\n'),
    html: `<p style="font-size: 13px; color: #555">${esc(t.why(ctx.municipalityName))}<br><a href="${esc(ctx.unsubscribeUrl)}">${esc(unsubscribeLabel)}</a> · <a href="${esc(settings)}">${esc(t.settings)}</a></p>`,
  };
}

type Ready = { subject: string; text: string; html?: string };

/** Kinds with their own, more detailed German e-mail (kept from the funding module's mails); the rest get the generic one. */
const KIND_MAILS: Record<string, (p: Record<string, unknown>, ctx: MailContext) => Ready | null> = {
  funding_deadline: (p, ctx) => (p.item ? reminderMessage(p.item as ReminderItem, { municipalityName: ctx.municipalityName, baseUrl: ctx.baseUrl }) : null),
  saved_search_match: (p, ctx) =>
    Array.isArray(p.hits) && p.searchId
      ? savedSearchMessage({
          searchId: String(p.searchId), searchName: String(p.search), ownerName: ctx.userName, municipalityName: ctx.municipalityName,
          changeKind: String(p.changeKind), changedAt: new Date(String(p.changedAt)), hits: p.hits as MailHit[], baseUrl: ctx.baseUrl,
        })
      : null,
};

/** One notification as an e-mail. */
export function composeNotificationMail(
  n: { kind: string; params: Record<string, unknown>; link: string | null; mail: { subject: string; text: string; html?: string } | null },
  ctx: MailContext,
): ComposedMail {
  const label = isKind(n.kind) ? KINDS[n.kind].label[ctx.lang] : n.kind;
  const f = footer(ctx, T[ctx.lang].unsubscribe(label));
  const ready = n.mail ?? KIND_MAILS[n.kind]?.(n.params, ctx) ?? null;
  if (ready) {
    // the kind's own mail (German): its text ends with its own signature block; the unsubscribe part follows
    const html = ready.html ? ready.html.replace(/<\/body>/i, `${f.html}\n</body>`) : `<p>${esc(ready.text)}</p>${f.html}`;
    return { subject: ready.subject, text: `${ready.text.replace(/\n*$/, '\n')}\n${f.text}`, html, headers: unsubscribeHeaders(ctx.unsubscribeUrl) };
  }
  const t = T[ctx.lang];
  const title = renderTitle(n.kind, n.params, ctx.lang);
  const link = abs(ctx.baseUrl, n.link);
  const text = [t.hello(ctx.userName), '', title, ...(link ? ['', `${t.open}: ${link}`] : []), '', f.text].join('\n');
  const html = `<!doctype html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a">
<p>${esc(t.hello(ctx.userName))}</p>
<p>${esc(title)}</p>
${link ? `<p><a href="${esc(link)}">${esc(t.open)}</a></p>\n` : ''}${f.html}
</body></html>
`;
  return { subject: title.replace(/\.$/, ''), text, html, headers: unsubscribeHeaders(ctx.unsubscribeUrl) };
}

/** The daily digest of one person in one municipality; the unsubscribe link ends the digest (kinds set to it go off). */
export function composeDigestMail(items: { kind: string; params: Record<string, unknown>; link: string | null }[], ctx: MailContext): ComposedMail {
  const t = T[ctx.lang];
  const f = footer(ctx, t.unsubscribeDigest);
  const lines = items.map((n) => ({ title: renderTitle(n.kind, n.params, ctx.lang), link: abs(ctx.baseUrl, n.link) }));
  const subject = t.digestSubject(items.length, ctx.municipalityName);
  const text = [t.hello(ctx.userName), '', t.digestLead(items.length), '', ...lines.map((l) => `- ${l.title}${l.link ? `\n  ${l.link}` : ''}`), '', f.text].join('\n');
  const html = `<!doctype html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a">
<p>${esc(t.hello(ctx.userName))}</p>
<p>${esc(t.digestLead(items.length))}</p>
<ul>
${lines.map((l) => `<li>${l.link ? `<a href="${esc(l.link)}">${esc(l.title)}</a>` : esc(l.title)}</li>`).join('\n')}
</ul>
${f.html}
</body></html>
`;
  return { subject, text, html, headers: unsubscribeHeaders(ctx.unsubscribeUrl) };
}
