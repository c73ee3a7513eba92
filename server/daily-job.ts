/** What a background job logs through (the app's pino logger fits). */
export interface JobLog {
  info: (o: object, m: string) => void;
  warn: (o: object, m: string) => void;
}

/**
 * Runs `work` 5 s after start and then once a day, inside the server process, never twice at once.
 * `work` returns how many things it did (logged when > 0 under `done`); a failure is logged and the job
 * simply runs again the next day. Returns a stop function. Jobs must be safe with several instances.
 */
export function startDailyJob(name: string, work: () => Promise<number>, log: JobLog, done: string = name) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const n = await work();
      if (n) log.info({ count: n }, done);
    } catch (err) {
      log.warn({ err }, `${name} failed`);
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
