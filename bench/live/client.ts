/**
 * The crowd for bench/live-voting.ts, run as a child process so that 500 phones and the server do not
 * share one event loop. Gets a Job over IPC; answers with one Report and exits (which closes every
 * socket it holds). All times are performance.now() of this process, so send, ack and projector
 * receive times share one clock.
 *
 * Plain node:http with keep-alive agents of unlimited sockets: the 500 + 1 event streams each hold a
 * socket for the whole run, and dots must never queue behind a pool limit on the client side.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';

export interface Job {
  base: string; // http://127.0.0.1:<port>/api/v1
  coordinatorCookie: string;
  roundId: string;
  code: string;
  itemIds: string[];
  maxPerItem: number;
  participants: number;
  dots: number;
  seconds: number;
  seed: number;
}

export interface DotRecord { participant: number; send: number; ack: number; status: number; error?: string }
export interface Report {
  joinMs: number;
  streamsMs: number;
  dots: DotRecord[];
  /** every `results` snapshot of the projector stream: receive time and totalDots */
  snapshots: { t: number; totalDots: number }[];
  votingStart: number;
  lastAck: number;
  /** CPU time of this process between the start of voting and the last answer */
  crowdCpuMs: number;
  /** per participant stream: events received during the run, `results` among them, highest totalDots seen */
  participantEvents: { events: number; results: number; maxTotal: number; ended: boolean }[];
  projectorEnded: boolean;
  waitedForFinalMs: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** Deterministic PRNG (mulberry32), so every run gets the same schedule and choices. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function request(method: string, url: string, opts: { cookie?: string; body?: unknown; timeoutMs?: number } = {}) {
  return new Promise<{ status: number; setCookie: string[]; body: string }>((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const headers: http.OutgoingHttpHeaders = {};
    if (opts.cookie) headers.cookie = opts.cookie;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const req = http.request(url, { method, headers, agent, timeout: opts.timeoutMs ?? 30_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

interface Stream { req: http.ClientRequest; ended: boolean }

/** Opens an SSE stream; onEvent gets each complete event (name, raw data, receive time). */
function openStream(url: string, cookie: string, onEvent: (event: string, data: string, t: number) => void) {
  return new Promise<Stream>((resolve, reject) => {
    const req = http.request(url, { headers: { cookie, accept: 'text/event-stream' }, agent: streamAgent }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`${url}: status ${res.statusCode}`));
      }
      const s: Stream = { req, ended: false };
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const t = performance.now();
        buf += chunk;
        let idx;
        while ((idx = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, idx);
          buf = buf.slice(idx + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data || event !== 'message') onEvent(event, data, t);
        }
      });
      res.on('end', () => (s.ended = true));
      res.on('error', () => (s.ended = true));
      resolve(s);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs fn over 0..n-1 with at most `limit` in flight. */
async function pool(n: number, limit: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => {
    while (next < n) await fn(next++);
  }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => console.error(`[crowd] ${m}`);

async function run(job: Job): Promise<Report> {
  const random = rng(job.seed);
  const totalRe = /"totalDots":(\d+)/;

  // 1. Everyone joins by code; each device keeps its own rf_device cookie.
  const t0 = performance.now();
  const cookies: string[] = new Array(job.participants);
  await pool(job.participants, 20, async (i) => {
    const r = await request('POST', `${job.base}/join/${job.code}`, { body: { name: `Teilnehmende ${i + 1}` } });
    const c = r.setCookie.map((x) => x.split(';')[0]).find((x) => x.startsWith('rf_device='));
    if (r.status !== 200 || !c) throw new Error(`join ${i}: ${r.status} ${r.body.slice(0, 200)}`);
    cookies[i] = c;
  });
  const joinMs = performance.now() - t0;
  log(`${job.participants} joined in ${joinMs.toFixed(0)} ms`);

  // 2. Every phone opens its workshop stream; the projector opens the round's stream.
  const t1 = performance.now();
  const participantEvents = cookies.map(() => ({ events: 0, results: 0, maxTotal: -1, ended: false }));
  const firstEvent: Promise<void>[] = [];
  const streams: Stream[] = [];
  await pool(job.participants, 50, async (i) => {
    let first!: () => void;
    firstEvent.push(new Promise<void>((r) => (first = r)));
    const pe = participantEvents[i];
    streams[i] = await openStream(`${job.base}/join/${job.code}/events`, cookies[i], (event, data) => {
      pe.events++;
      if (event === 'results') {
        pe.results++;
        const m = totalRe.exec(data);
        if (m) pe.maxTotal = Math.max(pe.maxTotal, Number(m[1]));
      }
      first();
    });
  });
  await Promise.all(firstEvent);
  const snapshots: Report['snapshots'] = [];
  let projectorFirst!: () => void;
  const projectorReady = new Promise<void>((r) => (projectorFirst = r));
  const projector = await openStream(`${job.base}/rounds/${job.roundId}/events`, job.coordinatorCookie, (event, data, t) => {
    if (event !== 'results') return;
    snapshots.push({ t, totalDots: (JSON.parse(data) as { totalDots: number }).totalDots });
    projectorFirst();
  });
  await projectorReady;
  const streamsMs = performance.now() - t1;
  log(`${job.participants} participant streams + projector open and served in ${streamsMs.toFixed(0)} ms`);
  // Events so far were the greeting; count the voting phase only.
  await sleep(500);
  for (const pe of participantEvents) Object.assign(pe, { events: 0, results: 0, maxTotal: -1 });

  // 3. Voting: every phone places its dots at uniformly random moments over `seconds`.
  const dots: DotRecord[] = [];
  const done: Promise<void>[] = [];
  const votingStart = performance.now() + 100;
  let cpu0 = process.cpuUsage();
  setTimeout(() => {
    cpu0 = process.cpuUsage();
    process.send!({ phase: 'voting-start' });
  }, 100);
  for (let p = 0; p < job.participants; p++) {
    const onItem = new Map<string, number>();
    for (let k = 0; k < job.dots; k++) {
      let itemId: string;
      do itemId = job.itemIds[Math.floor(random() * job.itemIds.length)];
      while ((onItem.get(itemId) ?? 0) >= job.maxPerItem);
      onItem.set(itemId, (onItem.get(itemId) ?? 0) + 1);
      const at = votingStart + random() * job.seconds * 1000;
      done.push(new Promise<void>((resolve) => {
        setTimeout(() => {
          const rec: DotRecord = { participant: p, send: performance.now(), ack: NaN, status: 0 };
          dots.push(rec);
          request('POST', `${job.base}/rounds/${job.roundId}/dots`, { cookie: cookies[p], body: { itemId, dotId: randomUUID() } }).then(
            (r) => {
              rec.ack = performance.now();
              rec.status = r.status;
              if (r.status !== 200) rec.error = r.body.slice(0, 200);
            },
            (err: Error) => {
              rec.ack = performance.now();
              rec.error = err.message;
            },
          ).finally(resolve);
        }, Math.max(0, at - performance.now()));
      }));
    }
  }
  await Promise.all(done);
  const cpu = process.cpuUsage(cpu0);
  const crowdCpuMs = (cpu.user + cpu.system) / 1000;
  process.send!({ phase: 'voting-end' });
  const lastAck = Math.max(...dots.map((d) => d.ack));
  const acked = dots.filter((d) => d.status === 200).length;
  log(`voting done: ${acked}/${dots.length} acknowledged, last ack ${(lastAck - votingStart).toFixed(0)} ms after start`);

  // 4. Wait until the projector shows the final total (or 5 s), then a moment for the phones' streams.
  const waitStart = performance.now();
  while (performance.now() - waitStart < 5000 && (snapshots.at(-1)?.totalDots ?? -1) < acked) await sleep(10);
  const waitedForFinalMs = performance.now() - waitStart;
  const settle = performance.now();
  while (performance.now() - settle < 2000 && participantEvents.some((pe) => pe.maxTotal < acked)) await sleep(20);

  const report: Report = {
    joinMs, streamsMs, dots, snapshots, votingStart, lastAck, waitedForFinalMs, crowdCpuMs,
    participantEvents: participantEvents.map((pe, i) => ({ ...pe, ended: streams[i].ended })),
    projectorEnded: projector.ended,
  };
  for (const s of [...streams, projector]) s.req.destroy();
  agent.destroy();
  streamAgent.destroy();
  return report;
}

process.once('message', (job: Job) => {
  run(job).then(
    (report) => process.send!({ phase: 'done', ok: true, report }, () => process.exit(0)),
    (err: Error) => process.send!({ phase: 'done', ok: false, error: String(err?.stack ?? err) }, () => process.exit(1)),
  );
});
