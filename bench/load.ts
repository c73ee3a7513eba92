/**
 * The load generator, run by bench/run.ts as a child process so that autocannon and the server do
 * not share one event loop. Gets { url, cookie, connections, duration, warmup, alone } over IPC:
 * warm-up, measured run, then `alone` seconds with a single connection (unloaded latency); answers
 * with the result. Latencies are recorded per request (autocannon's `response` event, hrtime in ms),
 * so p50/p95/p99 are exact, not read from autocannon's fixed percentile list (which has no p95).
 */
import autocannon from 'autocannon';
import { percentile } from './db';

interface Job { url: string; drainUrl: string; cookie: string; connections: number; duration: number; warmup: number; alone: number }

async function fire(job: Job, duration: number, latencies?: number[], connections = job.connections) {
  // Slow answers are measured, not cut off: the timeout is far above the run's duration.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: job.url, connections, duration, timeout: 120, headers: { cookie: job.cookie } },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  // autocannon drops the requests still in flight when its time is up, but the server finishes them.
  // One more request through the same database queue waits until that backlog is gone.
  await fetch(job.drainUrl, { headers: { cookie: job.cookie } });
  return result;
}

process.once('message', async (job: Job) => {
  await fetch(job.drainUrl, { headers: { cookie: job.cookie } });
  if (job.warmup > 0) await fire(job, job.warmup);
  const latencies: number[] = [];
  const r = await fire(job, job.duration, latencies);
  latencies.sort((a, b) => a - b);
  // Unloaded latency: one connection, one request at a time.
  const single: number[] = [];
  await fire(job, job.alone, single, 1);
  single.sort((a, b) => a - b);
  process.send!({
    alone: percentile(single, 50),
    aloneRequests: single.length,
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    inFlightAtEnd: (r.requests as unknown as { sent: number }).sent - r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  });
  process.disconnect();
});
