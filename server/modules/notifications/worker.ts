import type { App } from '../../app';
import { createMailer } from './mailer';
import { runOutbox, type OutboxOptions } from './outbox';

/** How often each instance looks for mails to write and send (cheap: partial indexes on what is due). */
const TICK_MS = 15_000;

/**
 * Starts the outbox worker of this instance, only with SMTP_URL configured: without it notifications stay
 * in the app and no connection leaves the server. Several instances may run it on one PostgreSQL (see outbox.ts).
 */
export function registerOutboxWorker(app: App) {
  const mailer = createMailer(app.config);
  if (!mailer) return;
  const baseUrl = app.config.publicUrl ?? `http://localhost:${app.config.port}`;
  if (!app.config.publicUrl) app.log.warn('PUBLIC_URL is not set: links in e-mails (and the unsubscribe link) point to localhost');
  const options = (): OutboxOptions => ({ secret: app.config.sessionSecret, baseUrl, digestHour: app.config.digestHour ?? 7, log: app.log });
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runOutbox(app.db, mailer, options());
      if (r.immediate || r.digests || r.sent || r.retry || r.failed) app.log.info(r, 'mail outbox');
    } catch (err) {
      app.log.warn({ err }, 'the mail outbox run failed');
    } finally {
      running = false;
    }
  };
  app.addHook('onReady', async () => {
    // at once (what waited while the instance was down), then on every tick
    void tick();
    timer = setInterval(() => void tick(), TICK_MS);
    timer.unref();
  });
  app.addHook('preClose', async () => {
    if (timer) clearInterval(timer);
    mailer.close();
  });
}
