import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { computeResults, roundRow } from './rounds.service';

/**
 * Live tallies over Server-Sent Events. Every change to a round NOTIFYs `rf_round` (and `rf_workshop`
 * when a round opens, closes or appears) inside its transaction; every app instance LISTENs and pushes
 * fresh snapshots to the streams it holds. Bursts are coalesced: at most one tally query per round
 * every THROTTLE_MS, however many dots arrive — 500 people tapping at once cost a few queries a second.
 */
const THROTTLE_MS = 100;
const KEEPALIVE_MS = 15_000;

interface Stream { write(event: string, data: unknown): void; writeFrame(frame: string): void; facilitator: boolean }

/** One SSE frame, serialised once and written to every stream that should see it. */
const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export interface LiveHub {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Streams round `roundId`'s results to this request until it disconnects. */
  streamRound(req: FastifyRequest, reply: FastifyReply, roundId: string, facilitator: boolean): Promise<void>;
  /** Streams a participant's workshop: `rounds` when rounds change, `results` of visible tallies. */
  streamWorkshop(req: FastifyRequest, reply: FastifyReply, workshopId: string): Promise<void>;
}

export function createLiveHub(db: Db, log: { warn: (o: object, m: string) => void }): LiveHub {
  const rounds = new Map<string, Set<Stream>>();
  const workshops = new Map<string, Set<Stream>>();
  const pending = new Map<string, NodeJS.Timeout>();
  const running = new Set<string>();
  const unlisten: (() => Promise<void>)[] = [];
  // Open streams would keep the server from closing: stop() ends them (clients reconnect elsewhere).
  const openResponses = new Set<{ end: () => void }>();

  async function publish(roundId: string) {
    running.add(roundId);
    try {
      const r = await roundRow(db, roundId).catch(() => null);
      if (!r) return;
      const subs = rounds.get(roundId) ?? new Set();
      const wsubs = workshops.get(r.workshop_id) ?? new Set();
      if (subs.size === 0 && wsubs.size === 0) return;
      let full: string | null = null;
      let open: string | null = null;
      const openFrame = async () => (open ??= frame('results', await computeResults(db, r, { facilitator: false })));
      for (const s of subs) {
        if (s.facilitator) s.writeFrame((full ??= frame('results', await computeResults(db, r, { facilitator: true }))));
        else s.writeFrame(await openFrame());
      }
      if (wsubs.size && r.status !== 'draft') {
        const f = await openFrame();
        for (const s of wsubs) s.writeFrame(f);
      }
    } catch (err) {
      log.warn({ err }, 'live publish failed');
    } finally {
      running.delete(roundId);
    }
  }

  function schedule(roundId: string) {
    if (pending.has(roundId)) return;
    pending.set(
      roundId,
      setTimeout(async () => {
        // A slow query must not overlap the next one for the same round; try again shortly.
        if (running.has(roundId)) {
          pending.delete(roundId);
          return schedule(roundId);
        }
        pending.delete(roundId);
        await publish(roundId);
      }, THROTTLE_MS),
    );
  }

  function open(req: FastifyRequest, reply: FastifyReply): Stream & { close: Promise<void> } {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    const handle = { end: () => res.end() };
    openResponses.add(handle);
    const close = new Promise<void>((resolve) =>
      req.raw.on('close', () => {
        clearInterval(keepalive);
        openResponses.delete(handle);
        resolve();
      }),
    );
    return {
      facilitator: false,
      close,
      write: (event, data) => {
        if (!res.writableEnded) res.write(frame(event, data));
      },
      writeFrame: (f) => {
        if (!res.writableEnded) res.write(f);
      },
    };
  }

  const add = <K>(map: Map<K, Set<Stream>>, key: K, s: Stream) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(s);
    return () => {
      set!.delete(s);
      if (set!.size === 0) map.delete(key);
    };
  };

  return {
    async start() {
      unlisten.push(await db.listen('rf_round', (id) => schedule(id)));
      unlisten.push(
        await db.listen('rf_workshop', (workshopId) => {
          for (const s of workshops.get(workshopId) ?? []) s.write('rounds', { workshopId });
        }),
      );
    },
    async stop() {
      for (const u of unlisten.splice(0)) await u();
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
      for (const r of openResponses) r.end();
    },
    async streamRound(req, reply, roundId, facilitator) {
      const r = await roundRow(db, roundId);
      const s = open(req, reply);
      s.facilitator = facilitator;
      const remove = add(rounds, roundId, s);
      // A (re)connecting client catches up at once with the current snapshot.
      s.write('results', await computeResults(db, r, { facilitator }));
      await s.close;
      remove();
    },
    async streamWorkshop(req, reply, workshopId) {
      const s = open(req, reply);
      const remove = add(workshops, workshopId, s);
      s.write('rounds', { workshopId });
      await s.close;
      remove();
    },
  };
}
