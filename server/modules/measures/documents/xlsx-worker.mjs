// Entry of the spreadsheet worker thread. In production the parent's `--import tsx` is inherited; under test
// runners it is not, so TypeScript loading is registered for this thread before the worker's code is imported.
import { register } from 'tsx/esm/api';

register();
await import('./xlsx-worker.ts');
