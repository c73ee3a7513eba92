// Types of scripts/build-server.mjs (plain JavaScript, so that `npm start` runs it without tsx).
export const OUT_DIR: string;
export const ENTRY: string;
export const ASSETS: Record<string, string>;
export const WORKERS: Record<string, string>;
export function serverBundleStale(): boolean;
export function buildServer(outDir?: string): Promise<void>;
