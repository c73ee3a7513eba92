/** Reads one .xlsx file off the main thread: a slow or huge sheet must not stall live voting and everyone else. */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../errors';
import { readXlsxGrid, SheetRefused, type XlsxLimits } from './xlsx-grid';

const { data, limits } = workerData as { data: Uint8Array; limits: XlsxLimits };

readXlsxGrid(Buffer.from(data.buffer, data.byteOffset, data.byteLength), limits).then(
  (grid) => parentPort!.postMessage({ grid }),
  (err: unknown) => {
    if (err instanceof SheetRefused) parentPort!.postMessage({ failure: err.failure });
    else if (err instanceof AppError) parentPort!.postMessage({ failure: { status: err.status, code: err.code, message: err.message, key: err.key, params: err.params, details: err.details } });
    else parentPort!.postMessage({ unreadable: (err as Error).message });
  },
);
