/**
 * Runs the .xlsx reader (xlsx-grid.ts) in a worker thread with a memory cap and a time limit, one file at a
 * time: parsing never blocks the event loop, and a file that is too much for either limit ends its own
 * thread, not the app.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../errors';
import type { MessageParams } from '../../../i18n/errors';
import type { SheetFailure, XlsxLimits } from './xlsx-grid';

export interface XlsxRun extends XlsxLimits {
  /** heap of the worker in MB */
  maxMemoryMb: number;
  timeoutMs: number;
}

/**
 * 32 MB of inflated XML is about 20,000 rows of a wide list, and ExcelJS needs some ten times that in memory;
 * measure lists and funding catalogues have hundreds of rows. 20,000 rows and 200 columns leave room for any
 * real list while a sheet of a million empty-looking rows is refused.
 */
export const XLSX_LIMITS: XlsxRun = { maxUncompressedBytes: 32 * 1024 * 1024, maxRows: 20_000, maxColumns: 200, maxMemoryMb: 512, timeoutMs: 30_000 };

const tooComplex = (why: 'sheet_too_complex.timeout' | 'sheet_too_complex.memory', params: MessageParams = {}) => new AppError(422, 'sheet_too_complex', { key: why, params });

// One worker at a time: each may take hundreds of megabytes, and imports are rare.
let queue: Promise<unknown> = Promise.resolve();

export function readXlsxInWorker(data: Buffer, run: XlsxRun = XLSX_LIMITS): Promise<string[][]> {
  const turn = queue.then(() => runWorker(data, run));
  queue = turn.catch(() => undefined);
  return turn;
}

function runWorker(data: Buffer, run: XlsxRun): Promise<string[][]> {
  const { maxMemoryMb, timeoutMs, ...limits } = run;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-worker.mjs', import.meta.url), {
      workerData: { data, limits },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(tooComplex('sheet_too_complex.timeout', { seconds: Math.round(timeoutMs / 1000) }))), timeoutMs);
    worker.on('message', (msg: { grid?: string[][]; failure?: SheetFailure; unreadable?: string }) =>
      settle(() => {
        if (msg.grid) resolve(msg.grid);
        else if (msg.failure) reject(new AppError(msg.failure.status, msg.failure.code, { key: msg.failure.key, params: msg.failure.params }, msg.failure.details));
        else reject(new Error(msg.unreadable ?? 'Die Excel-Datei kann nicht gelesen werden.'));
      }),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex('sheet_too_complex.memory') : err)),
    );
    worker.on('exit', () => settle(() => reject(new Error('Die Excel-Datei kann nicht gelesen werden.'))));
  });
}
