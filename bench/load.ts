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

async function fire(job: Job, duration: number, latencies?: number[], connections = job.connections, amount?: number) {
  // Slow answers are measured, not cut off: the timeout is far above the run's duration.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: job.url, connections, duration, amount, timeout: 120, headers: { cookie: job.cookie } },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  await drain(job);
  return result;
}

/**
 * autocannon drops the requests still in flight when its time is up, but the server finishes them
 * (a request's second query joins the database queue only after its first one). A cheap request
 * through the same database queue is repeated until it comes back quickly: then the backlog is gone.
 */
async function drain(job: Job) {
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await (await fetch(job.drainUrl, { headers: { cookie: job.cookie } })).arrayBuffer();
    if (performance.now() - t < 25) return;
  }
}

process.once('message', async (job: Job) => {
  await drain(job);
  if (job.warmup > 0) await fire(job, job.warmup);
  const latencies: number[] = [];
  const r = await fire(job, job.duration, latencies);
  latencies.sort((a, b) => a - b);
  // Unloaded latency: one connection, one request at a time.
  let single: number[] = [];
  await fire(job, job.alone, single, 1);
  if (single.length < 3) await fire(job, job.alone, (single = []), 1, 3); // very slow: exactly 3 requests
  single.sort((a, b) => a - b);
  process.send!({
    alone: percentile(single, 50),
    aloneP95: percentile(single, 95),
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
