// Refreshes the screenshots in docs/screenshots from a running app with the Musterstadt demo:
//   npx tsx scripts/screenshots.ts http://127.0.0.1:3000 admin@example.org password
import { chromium, devices } from '@playwright/test';

const [base = 'http://127.0.0.1:3000', email = '', password = ''] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
async function session(options: Parameters<typeof browser.newContext>[0]) {
  const ctx = await browser.newContext({ baseURL: base, locale: 'de-DE', ...options });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}
const page = await session({ viewport: { width: 1280, height: 800 } });
for (const [path, file] of [['/measures', 'measures'], ['/', 'dashboard']] as const) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `docs/screenshots/${file}.png` });
}
await page.goto('/measures?q=St%C3%A4ndehaus');
await page.getByRole('link', { name: 'Sanierung des Ständehauses' }).click();
await page.waitForLoadState('networkidle');
await page.screenshot({ path: 'docs/screenshots/brief.png', fullPage: true });
const phone = await session({ ...devices['Pixel 7'] });
await phone.goto('/measures');
await phone.waitForLoadState('networkidle');
await phone.screenshot({ path: 'docs/screenshots/phone-measures.png' });
await browser.close();
