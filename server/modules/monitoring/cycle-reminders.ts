import type { Db } from '../../db/client';
import { startDailyJob, type JobLog } from '../../daily-job';
import { sendDueCycleReminders } from './cycles.service';

/**
 * At start and then once a day, inside the server process: reminds the departments still missing
 * reports of an open cycle once its reminder day has come. Safe with several instances: each
 * department's automatic reminder is one row under a unique index, and the notification's event key
 * is unique too, so a second run (or instance) sends nothing. Failures are logged and retried the next day.
 */
export function startCycleReminderJob(db: Db, log: JobLog) {
  return startDailyJob('reporting cycle reminders', () => sendDueCycleReminders(db), log, 'reporting cycle reminders sent');
}
