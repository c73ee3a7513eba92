// `npm run test:pg`: the same test suite against a real PostgreSQL. Each test file creates (and drops)
// its own database on the server named by TEST_DATABASE_URL (default: local PostgreSQL, trust auth).
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } });
process.exit(r.status ?? 1);
