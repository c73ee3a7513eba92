import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, ensureDemoSetup, expectAccessible, signIn } from './helpers';

/**
 * Pages that fit their content (issue 13): every page of the app on the demo data, on a phone (390×844) and
 * on a laptop (1440×900). A page fails when it scrolls sideways, or when a table is clipped — wider than
 * its box without a scroll container (overflow-x auto/scroll) around it that lets the reader reach the rest.
 */

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1440, height: 900 },
] as const;

const STATIC_PAGES = [
  '/', '/measures', '/measures/new', '/measures/import',
  '/districts', '/departments', '/synergies', '/synergies/my-districts', '/map', '/map?by=cost',
  '/responsibility', '/roadmap', '/roadmap?view=table', '/roadmap?group=district',
  '/workshops', '/priorities', '/priorities/criteria',
  '/concept', '/concept/dimensions', '/concept/action-fields', '/concept/goals', '/concept/districts', '/concept/departments',
  '/funding/programmes', '/funding/programmes/new', '/funding/kofi', '/funding/deadlines', '/funding/saved-searches',
  '/admin/users', '/profile', '/join', '/does-not-exist',
  '/dashboard', '/home/department', '/monitoring', '/reporting-cycles', '/notifications',
  '/admin/audit', '/admin/privacy', '/admin/sign-in', '/admin/mail-outbox', '/login/refused?reason=denied',
];

const WORKSHOP_TABS = ['', '?tab=groups', '?tab=participants', '?tab=join', '?tab=briefs', '?tab=rounds'];

type Json = Record<string, unknown> & { id: string };

/** The detail pages that exist on the data of the signed-in municipality: one measure, workshop, round, programme … */
async function detailPages(page: Page): Promise<string[]> {
  const get = async <T>(url: string): Promise<T> => {
    const res = await page.request.get(`/api/v1${url}`);
    expect(res.status(), url).toBe(200);
    return (await res.json()) as T;
  };
  const paths: string[] = [];
  const measures = (await get<{ items: (Json & { title: string })[] }>('/measures?pageSize=100&sort=number')).items;
  // the first measure, and the one with the longest title (long words are what push a phone page wider)
  const longest = [...measures].sort((a, b) => b.title.length - a.title.length)[0];
  // and the demo measures with milestones or status reports (their plan and implementation sections)
  const withPlan = measures.filter((m) => /Mobilitätsstation|Digitale Bürgerdienste/.test(m.title));
  for (const m of new Set([measures[0], longest, ...withPlan].filter(Boolean))) {
    paths.push(`/measures/${m.id}`, `/measures/${m.id}/edit`, `/measures/${m.id}/funding`);
  }
  const workshops = await get<Json[]>('/workshops');
  for (const w of workshops.slice(0, 1)) {
    for (const tab of WORKSHOP_TABS) paths.push(`/workshops/${w.id}${tab}`);
    paths.push(`/workshops/${w.id}/join-screen`, `/workshops/${w.id}/codes`);
    const rounds = await get<Json[]>(`/workshops/${w.id}/rounds`);
    for (const r of rounds.slice(0, 1)) paths.push(`/workshops/${w.id}/rounds/${r.id}/projector`);
  }
  const goals = await get<(Json & { title: string })[]>('/goals');
  for (const g of goals.filter((x) => /Grün|Innenstadt/.test(x.title)).slice(0, 2)) paths.push(`/concept/goals/${g.id}`);
  const concept = await get<{ municipality: Json }>('/concept');
  paths.push(`/privacy/${concept.municipality.id}`);
  const programmes = await get<Json[]>('/funding-programmes');
  for (const p of programmes.slice(0, 1)) paths.push(`/funding/programmes/${p.id}`, `/funding/programmes/${p.id}/edit`);
  const searches = await get<Json[]>('/saved-searches');
  for (const s of searches.slice(0, 1)) paths.push(`/funding/saved-searches/${s.id}`);
  const rounds = await get<Json[]>('/priorities/rounds');
  for (const r of rounds.slice(0, 1)) paths.push(`/priorities/rounds/${r.id}`);
  return paths;
}

interface Problem { kind: 'page scrolls sideways' | 'table clipped'; detail: string }

/** Runs in the page: what does not fit. */
function findProblems(): Problem[] {
  const problems: Problem[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) {
    // name the widest element that sticks out, to make the failure useful
    let widest = '';
    let right = doc.clientWidth;
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5 && r.width > 0) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      }
    }
    problems.push({ kind: 'page scrolls sideways', detail: `scrollWidth ${doc.scrollWidth} > ${doc.clientWidth}; widest: ${widest} (right ${Math.round(right)})` });
  }
  const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const table of Array.from(document.querySelectorAll('table'))) {
    const rect = table.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden for screen readers only
    let scrollable = scrolls(table);
    let clippedBy: Element | null = null;
    for (let a = table.parentElement; a && a !== document.body && !scrollable; a = a.parentElement) {
      if (a.getBoundingClientRect().width <= 1) break; // inside a visually hidden box
      if (scrolls(a)) scrollable = true;
      else if (['hidden', 'clip'].includes(getComputedStyle(a).overflowX) && rect.right > a.getBoundingClientRect().right + 1) clippedBy ??= a;
    }
    if (scrollable) continue;
    const name = table.querySelector('caption')?.textContent?.trim().slice(0, 60) || table.className || 'table';
    if (table.scrollWidth > table.clientWidth + 1) problems.push({ kind: 'table clipped', detail: `${name}: scrollWidth ${table.scrollWidth} > ${table.clientWidth}` });
    else if (clippedBy) problems.push({ kind: 'table clipped', detail: `${name}: cut off by ${clippedBy.tagName.toLowerCase()}.${clippedBy.className}` });
  }
  return problems;
}

async function check(browser: Browser, viewport: (typeof VIEWPORTS)[number]) {
  const baseURL = test.info().project.use.baseURL;
  const ctx = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: 'de-DE', baseURL });
  const page = await ctx.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  const paths = [...STATIC_PAGES, ...(await detailPages(page))];
  const failures: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    // a page that does not render is a failure of its own; the others are still measured
    const rendered = await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 }).then(() => true, () => false);
    if (!rendered) {
      failures.push(`${viewport.name} ${path}: no h1 within 30 s`);
      continue;
    }
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main .spinner'), `${path}: still loading`).toHaveCount(0);
    for (const p of await page.evaluate(findProblems)) failures.push(`${viewport.name} ${path}: ${p.kind} (${p.detail})`);
  }
  await ctx.close();
  return failures;
}

for (const viewport of VIEWPORTS) {
  test(`every page fits at ${viewport.width}×${viewport.height}: no sideways scrolling, no clipped table`, async ({ page, browser }) => {
    test.setTimeout(10 * 60_000); // some sixty pages, each loaded and measured
    await ensureDemoSetup(page);
    expect(await check(browser, viewport)).toEqual([]);
  });
}

/** Twelve proposals with long titles, as a workshop writes them. */
const LONG_TITLES = [
  'Neugestaltung des Marktplatzes mit Wasserspiel, Sitzstufen und barrierefreiem Zugang zum Rathaus',
  'Quartiersgarage am Bahnhof mit Fahrradparkhaus, Carsharing-Station und Ladesäulen für Elektrofahrzeuge',
  'Klimaresiliente Umgestaltung der Schulhöfe zu grünen Lernorten mit Regenwasserrückhaltung und Schatten',
  'Sanierung und Erweiterung der Stadtbibliothek zum Dritten Ort mit Makerspace und Jugendetage',
  'Durchgängiger Radschnellweg entlang der Bahntrasse zwischen Nordstadt, Innenstadt und Gewerbegebiet Süd',
  'Aufwertung des Stadtparks mit Spielplatz für alle Generationen, Bewegungsparcours und neuen Wegen',
  'Leerstandsmanagement für die Innenstadt mit Zwischennutzungen, Pop-up-Läden und Verfügungsfonds',
  'Energetische Quartierssanierung der Werkssiedlung mit Nahwärmenetz und Beratungsangebot für Eigentümer',
  'Mehrgenerationenhaus im ehemaligen Postgebäude mit Kita, Tagespflege, Café und Beratungsräumen',
  'Öffnung und Renaturierung des verrohrten Mühlbachs im Stadtzentrum mit Uferpromenade und Stegen',
  'Digitale Bürgerdienste im Stadtteilbüro: Terminvergabe, Beratung und WLAN-Lernwerkstatt für Ältere',
  'Sichere Schulwege durch Tempo 30, Querungshilfen, Elterntaxi-Haltestellen und Schulstraßen-Versuche',
];

test('the projector fits 12 long titles and the tie banner on 1920×1080, with the join QR code and a large timer', async ({ page, browser }) => {
  await ensureDemoSetup(page);
  const baseURL = test.info().project.use.baseURL;
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'de-DE', baseURL });
  const screen = await ctx.newPage();
  await signIn(screen);
  const api = screen.request;
  const w = await (await api.post('/api/v1/workshops', { data: { title: 'Beamer mit zwölf Vorschlägen', status: 'running' } })).json();
  const res = await api.post(`/api/v1/workshops/${w.id}/rounds`, {
    data: {
      title: 'Welche Projekte gehen wir zuerst an?', subject: 'options', options: LONG_TITLES,
      rules: { dotsPerParticipant: 5, allowCumulation: true, maxDotsPerItem: 5, anonymous: true, resultsVisibility: 'live', timerSeconds: 900, topN: 5 },
    },
  });
  expect(res.status()).toBe(201);
  const round = await res.json();
  expect((await api.post(`/api/v1/rounds/${round.id}/open`)).status()).toBe(200);
  // three guests, 15 dots: 4, 3, 2, 2, then four items with 1 each — a tie at the Top-5 cut
  const dots = [4, 3, 2, 2, 1, 1, 1, 1].flatMap((n, i) => Array<number>(n).fill(i));
  for (let g = 0; g < 3; g++) {
    const guest = await browser.newContext({ baseURL });
    expect((await guest.request.post(`/api/v1/join/${w.joinCode}`, { data: { name: `Gast ${g + 1}` } })).status()).toBe(200);
    for (const i of dots.slice(g * 5, g * 5 + 5)) {
      expect((await guest.request.post(`/api/v1/rounds/${round.id}/dots`, { data: { itemId: round.items[i].id, dotId: crypto.randomUUID() } })).status()).toBe(200);
    }
    await guest.close();
  }

  await screen.goto(`/workshops/${w.id}/rounds/${round.id}/projector`);
  await expect(screen.getByText('3 von 3 haben abgestimmt', { exact: true })).toBeVisible();
  const bars = screen.getByRole('list', { name: 'Punkte je Eintrag, nach Rang' });
  await expect(bars.getByRole('listitem')).toHaveCount(12);
  const tie = screen.locator('.bars-note');
  await expect(tie).toBeVisible();
  // nothing to scroll: the last title and the tie note lie within the screen
  expect(await screen.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth])).toEqual([1080, 1920]);
  await expect(tie).toBeInViewport({ ratio: 1 });
  await expect(bars.getByRole('listitem').last()).toBeInViewport({ ratio: 1 });
  // how to join: the QR code (same image as the join screen) and the code; the time left, large
  const qr = screen.getByRole('img', { name: new RegExp(`QR-Code zum Beitreten: .*/join/${w.joinCode}`) });
  await expect(qr).toBeInViewport({ ratio: 1 });
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const timer = screen.getByRole('timer');
  await expect(timer).toHaveText(/^1[0-5]:\d\d$/);
  expect(await timer.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(80);
  await expectAccessible(screen, 'projector with 12 long titles');
  await ctx.close();
});

test('the district map names every district on the map, the names readable and apart', async ({ page, browser }) => {
  await ensureDemoSetup(page);
  const baseURL = test.info().project.use.baseURL;
  for (const viewport of VIEWPORTS) {
    const ctx = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: 'de-DE', baseURL });
    const p = await ctx.newPage();
    await signIn(p);
    const concept = await (await p.request.get('/api/v1/concept')).json();
    const mapped = (concept.districts as { name: string; boundary: unknown }[]).filter((d) => d.boundary);
    await p.goto('/map');
    const labels = p.locator('.map-labels .map-label');
    await expect(labels).toHaveCount(mapped.length);
    const boxes = await labels.evaluateAll((els) => els.map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.textContent ?? '', x: r.x, y: r.y, w: r.width, h: r.height, size: parseFloat(getComputedStyle(el).fontSize) };
    }));
    expect(boxes.map((b) => b.name).sort()).toEqual(mapped.map((d) => d.name).sort());
    for (const b of boxes) expect(b.size, `${viewport.name}: ${b.name}`).toBeGreaterThanOrEqual(9.5);
    // overlaps of two names: at most a sliver (2 px) where two narrow districts meet
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        expect(ox > 2 && oy > 2, `${viewport.name}: "${a.name}" overlaps "${b.name}"`).toBe(false);
      }
    await expectAccessible(p, `map (${viewport.name})`);
    await ctx.close();
  }
});
