import { test, expect, type Page } from '@playwright/test';
import { ADMIN, ensureDemoSetup, expectAccessible, signIn } from './helpers';

type Next = { step: string | null; action: string; href: string; count: number | null };

/** The coordinator's next action as the page words it (web/features/home/messages.ts). */
const GO: Record<string, string> = {
  define_concept: 'Konzept anlegen', plan_workshop: 'Workshop planen', hold_workshop: 'Zum Workshop', write_briefs: 'Steckbriefe erfassen',
  run_dot_vote: 'Punktabfrage vorbereiten', start_scoring: 'Bewertungsrunde starten', finish_scoring: 'Zur Bewertungsrunde',
  record_decision: 'Beschluss festhalten', set_responsibilities: 'Zuständigkeiten klären', plan_funding: 'Finanzierung planen',
  start_implementation: 'Maßnahmen zur Umsetzung ansehen', follow_implementation: 'Zum Fahrplan',
};

async function noHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
}

test('role homes: the head of the Tiefbauamt opens "Mein Amt", the coordinator sees the process and follows its next step', async ({ page, browser }) => {
  test.slow(); // two people, two languages, two sizes, each page checked by axe
  await ensureDemoSetup(page);
  await signIn(page);

  // --- the admin adds the head of the Tiefbauamt (a department account; its password only lives in this run)
  const suffix = Date.now().toString(36);
  const departments = await (await page.request.get('/api/v1/departments')).json() as { id: string; name: string }[];
  const tba = departments.find((d) => d.name === 'Tiefbauamt')!;
  const head = { name: 'Jens Hoffmann', email: `jens.hoffmann.${suffix}@musterstadt.example`, password: `Kanal-Birke-Laterne-${suffix}` };
  const created = await page.request.post('/api/v1/users', { data: { ...head, role: 'department', departmentId: tba.id } });
  expect(created.status()).toBe(201);
  const userId = (await created.json()).id as string;
  // a scoring round in which he is a rater: a rating he owes
  const measures = (await (await page.request.get('/api/v1/measures', { params: { q: 'Mobilitätsstation am Bahnhof', pageSize: 5 } })).json()).items as { id: string; title: string }[];
  const hub = measures.find((m) => m.title === 'Mobilitätsstation am Bahnhof')!;
  const roundName = `Bewertung Verkehrsprojekte ${suffix}`;
  const round = await page.request.post('/api/v1/priorities/rounds', { data: { name: roundName, measureIds: [hub.id], raterIds: [userId], dotRoundId: null, dotWeight: 0 } });
  expect(round.status()).toBe(201);

  // --- the coordinator's home (the admin's too): the process, its figures and the one next action
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht: Stand des Prozesses' })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Die Schritte des Prozesses' });
  // the demo went through the workshop, its dot vote, the scoring round and the council's decision
  for (const step of ['Konzept', 'Workshop', 'Steckbriefe', 'Punktabfrage', 'Bewertung', 'Beschluss']) {
    await expect(steps.getByRole('listitem').filter({ has: page.getByRole('heading', { name: step, exact: true }) }).getByText('erledigt', { exact: true })).toBeVisible();
  }
  const briefs = steps.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Steckbriefe', exact: true }) });
  await expect(briefs).toContainText(/\d+ Steckbriefe/);
  await expect(briefs).toContainText(/\d+ davon aus Workshops/);
  const next = await (await page.request.get('/api/v1/home/process')).json() as { next: Next; counts: { measures: number; decidedMeasures: number } };
  if (next.counts.measures === 43) {
    // on the demo alone: the decided measures are led and funded, most are not under way yet
    expect(next.next.action).toBe('start_implementation');
    await expect(page.getByRole('region', { name: /Als Nächstes/ })).toContainText(`${next.next.count} beschlossene Maßnahmen sind noch nicht in Umsetzung.`);
  }
  const nextBox = page.getByRole('region', { name: /Als Nächstes/ });
  await expect(steps.getByRole('listitem').filter({ hasText: 'jetzt dran' })).toHaveCount(next.next.step ? 1 : 0);
  await expectAccessible(page, 'coordinator home');
  await expect(page.getByRole('link', { name: 'Kennzahlen und Kosten' })).toBeVisible();

  // --- the phone: nothing scrolls sideways
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht: Stand des Prozesses' })).toBeVisible();
  await noHorizontalScroll(page, 'coordinator home');
  await page.setViewportSize({ width: 1440, height: 900 });

  // following the next action leads to the page where it is done
  await nextBox.getByRole('link', { name: GO[next.next.action] }).click();
  const target = new URL(next.next.href, page.url());
  await page.waitForURL((u) => u.pathname === target.pathname);
  if (next.next.action === 'start_implementation') {
    await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
    await expect(page).toHaveURL(/priority=A%2CB%2CC|priority=A,B,C/);
  }

  // the key figures stay one click away
  await page.getByRole('navigation').getByRole('link', { name: 'Kennzahlen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Kennzahlen: / })).toBeVisible();

  // --- follow-up offers: the leadership workshop's closed dot vote offers a scoring round over its 43 briefs
  const workshops = await (await page.request.get('/api/v1/workshops')).json() as { id: string; title: string }[];
  const leadership = workshops.find((w) => w.title === 'Führungskräfteworkshop ISEK')!;
  await page.goto(`/workshops/${leadership.id}?tab=rounds`);
  await page.getByRole('link', { name: 'Bewertungsrunde über diese Maßnahmen starten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Bewertungsrunde' });
  await expect(dialog.getByText('43 ausgewählt')).toBeVisible();
  await expect(dialog.getByLabel('Ergebnis einer Punkteabfrage (optional)')).toHaveValue(/^[0-9a-f-]{36}$/);
  // the raters and the name stay the coordinator's choice
  await expect(dialog.getByRole('group', { name: /Bewertende/ }).getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(dialog.getByLabel('Name der Runde')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page).toHaveURL(/\/priorities$/);
  // the council's decision offers responsibilities and funding for the decided classes
  const rounds = await (await page.request.get('/api/v1/priorities/rounds')).json() as { id: string; name: string }[];
  const steering = rounds.find((r) => r.name === 'Priorisierung der Lenkungsgruppe ISEK 2023')!;
  await page.goto(`/priorities/rounds/${steering.id}`);
  await page.getByRole('link', { name: 'Zuständigkeiten der beschlossenen Maßnahmen klären' }).click();
  await expect(page).toHaveURL(/\/responsibility\?priority=A,B|\/responsibility\?priority=A%2CB/);
  await expect(page.getByRole('heading', { level: 1, name: 'Zuständigkeiten' })).toBeVisible();
  await page.goBack();
  await page.getByRole('link', { name: 'Finanzierung der beschlossenen Maßnahmen planen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Kosten- und Finanzierungsübersicht/ })).toBeVisible();
  await expect(page).toHaveURL(/priority=A/);

  // a coordinator looks at any department's home through the picker
  await page.goto('/home/department');
  await page.getByLabel('Amt', { exact: true }).selectOption({ label: 'Tiefbauamt' });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amt: Tiefbauamt' })).toBeVisible();

  // --- the head of the Tiefbauamt signs in and lands on "Mein Amt"
  const ctx = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'de-DE', viewport: { width: 1440, height: 900 } });
  const dept = await ctx.newPage();
  await signIn(dept, head.email, head.password);
  await dept.goto('/');
  // a fresh load of the app in a second browser; on a busy machine that takes longer than one expectation's default
  await expect(dept.getByRole('heading', { level: 1, name: 'Mein Amt: Tiefbauamt' })).toBeVisible({ timeout: 30_000 });
  await expect(dept.getByRole('navigation').getByRole('link', { name: 'Mein Amt' })).toHaveAttribute('aria-current', 'page');

  const attention = dept.getByRole('region', { name: 'Überfällig oder blockiert' });
  // the mobility hub's milestone two weeks past due (demo story), and the cycle path waiting for the allotment concept
  const overdueHub = attention.getByRole('listitem').filter({ hasText: 'Gestattungsvertrag mit der Deutschen Bahn' });
  await expect(overdueHub).toContainText('Mobilitätsstation am Bahnhof');
  await expect(overdueHub).toContainText('seit 14 Tagen');
  await expect(attention.getByRole('listitem').filter({ hasText: 'Radweg Wallendorf – Gartenstadt' })).toContainText('wartet auf Nr.');
  await expect(attention.getByRole('listitem').filter({ hasText: 'Radweg Wallendorf – Gartenstadt' })).toContainText('Kleingartenentwicklungskonzept');

  const table = dept.getByRole('table', { name: 'Maßnahmen, die das Amt federführend leitet oder als Partner begleitet' });
  await expect(table.getByRole('row').filter({ hasText: 'Mobilitätsstation am Bahnhof' })).toContainText('federführend');
  await expect(table.getByRole('row').filter({ hasText: 'Umgestaltung des Marktplatzes' })).toContainText('Partner');

  const deadlines = dept.getByRole('region', { name: /^Antragsfristen/ });
  await expect(deadlines.getByRole('listitem').first()).toBeVisible();
  await expect(dept.getByRole('region', { name: 'Letzte Änderungen anderer' })).toContainText(`${ADMIN.name} hat Nr.`);
  await expectAccessible(dept, 'department home');

  // the rating he owes, one click away
  const ratings = dept.getByRole('region', { name: 'Offene Bewertungen (1)' });
  await expect(ratings).toContainText(/0 von \d+ Bewertungen abgegeben/);

  // in English
  await dept.getByRole('button', { name: /English|EN/ }).first().click();
  await expect(dept.getByRole('heading', { level: 1, name: 'My department: Tiefbauamt' })).toBeVisible();
  await expect(dept.getByRole('region', { name: 'Overdue or blocked' })).toContainText('for 14 days');
  await expectAccessible(dept, 'department home (en)');
  await dept.getByRole('button', { name: /Deutsch|DE/ }).first().click();
  await expect(dept.getByRole('heading', { level: 1, name: 'Mein Amt: Tiefbauamt' })).toBeVisible();

  // on a phone
  await dept.setViewportSize({ width: 390, height: 844 });
  await dept.reload();
  await expect(dept.getByRole('heading', { level: 1, name: 'Mein Amt: Tiefbauamt' })).toBeVisible();
  await noHorizontalScroll(dept, 'department home');
  await dept.setViewportSize({ width: 1440, height: 900 });

  await ratings.getByRole('link', { name: `Bewerten: ${roundName}` }).click();
  await expect(dept.getByRole('heading', { level: 1, name: roundName })).toBeVisible();

  // the process home is the coordinator's, not a department's
  expect((await dept.request.get('/api/v1/home/process')).status()).toBe(403);
  await ctx.close();
});
