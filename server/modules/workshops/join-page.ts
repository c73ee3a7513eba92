import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from '../../app';
import { AppError } from '../../errors';
import { requestLanguage } from '../../i18n/language';
import type { JoinBoot } from '../../../contract/workshops';
import { participantOf } from './join.routes';
import { findParticipant, joinInfo, participantHome, workshopByCode } from './join.service';

/** The id of the data block in join.html that web/features/join/boot.ts reads. */
export const JOIN_BOOT_ID = 'rf-join-boot';

/**
 * JSON for an HTML `<script type="application/json">` block: `<`, `>` and `&` as \u escapes, so no text in it
 * (a workshop titled `</script><script>…`) can end the block or start markup; U+2028/2029 likewise. The
 * browser never runs the block (not a script type; the CSP allows no inline script anyway): the page's own
 * script reads it with JSON.parse.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** join.html with the boot data placed before `</head>` (before the page's module script runs). */
export function withBoot(html: string, boot: JoinBoot): string {
  const block = `<script type="application/json" id="${JOIN_BOOT_ID}">${jsonForHtml(boot)}</script>`;
  const at = html.indexOf('</head>');
  return at < 0 ? html + block : html.slice(0, at) + block + html.slice(at);
}

/**
 * `/join/<code>`, the link a guest opens on a phone in a workshop room's weak Wi-Fi: join.html with what
 * `GET /api/v1/join/<code>` would answer already in it, and for a device that already joined its home
 * (`GET /api/v1/join/<code>/me`) too. Each request the page need not make is a round trip saved — at a
 * workshop's 400 ms latency that is most of the time to the ballot (docs/benchmarks.md, guest path).
 * An unknown code gets the same page with status 404 and says so at once. The page can carry a
 * participant's name: never stored by a cache.
 */
export async function registerJoinPage(app: App, webDir: string) {
  const file = join(webDir, 'join.html');
  app.get<{ Params: { code: string } }>('/join/:code', { schema: { hide: true } }, async (req, reply) => {
    const code = req.params.code;
    // `/join/`: no code yet, the page to type one (as `/join`).
    if (!code) return reply.header('cache-control', 'no-cache').sendFile('join.html');
    const html = await readFile(file, 'utf8');
    const lang = requestLanguage(req);
    let boot: JoinBoot;
    try {
      if (code.length < 4 || code.length > 20) throw new AppError(404, 'not_found');
      const w = await workshopByCode(app.db, code);
      const who = participantOf(app, req);
      const p = who.actor || who.deviceHash ? await findParticipant(app.db, w, who.actor, who.deviceHash) : null;
      boot = { code, lang, info: { ...(await joinInfo(app.db, w)), joined: p !== null }, home: p ? await participantHome(app.db, w, p, lang) : null };
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 404) throw err;
      reply.code(404);
      boot = { code, lang, info: null, home: null };
    }
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(withBoot(html, boot));
  });
}
