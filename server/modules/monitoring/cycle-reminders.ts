import type { Db } from '../../db/client';
import { sendDueCycleReminders } from './cycles.service';

/**
 * At start and then once a day, inside the server process: reminds the departments still missing
 * reports of an open cycle once its reminder day has come. Safe with several instances: each
 * department's automatic reminder is one row under a unique index, and the notification's event key
 * is unique too, so a second run (or instance) sends nothing. Failures are logged and retried the next day.
 */
export function startCycleReminderJob(db: Db, log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void }) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const n = await sendDueCycleReminders(db);
      if (n) log.info({ notified: n }, 'reporting cycle reminders sent');
    } catch (err) {
      log.warn({ err }, 'reporting cycle reminders failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), 5_000);
  const daily = setInterval(() => void run(), 24 * 60 * 60_000);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
