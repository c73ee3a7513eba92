// `npm start`: builds the web app when it is missing or older than its sources, then starts the server.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = 'dist/web/index.html';
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(newest('web'), newest('contract'), newest('domain'))) {
  console.log('Building the web app (once) …');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit', env: { NODE_ENV: 'production', ...process.env } });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
