import { expect, test, type Locator, type Page } from '@playwright/test';
import { ensureDemoSetup, expectAccessible, signIn } from './helpers';

/**
 * Issue 13, "pages that fit their content" for the responsibility matrix, the criteria, the scoring
 * round (sheet, results, chart) and shared ranks, at 1440×900 and at 390×844 on the demo data.
 */
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The page itself never scrolls sideways. */
async function expectNoPageScroll(page: Page, label: string) {
  const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  expect(sw, `${label}: page scrollWidth ${sw} > clientWidth ${cw}`).toBeLessThanOrEqual(cw);
}

/**
 * No cell of the table cuts its content off, unless the cell sits inside a box that scrolls (then the
 * content is reached by scrolling that box).
 */
async function expectNotClipped(table: Locator, label: string) {
  const clipped = await table.evaluate((t) => {
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (/(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const c of t.querySelectorAll('th, td')) {
      if (c.scrollWidth > c.clientWidth + 1 && !scrolls(c)) out.push(c.textContent ?? '');
    }
    // the table itself wider than its box, and the box does not scroll
    const box = t.parentElement!;
    if (t.scrollWidth > box.clientWidth + 1 && !scrolls(t)) out.push(`table ${t.scrollWidth} > box ${box.clientWidth}`);
    return out;
  });
  expect(clipped, `${label}: clipped cells`).toEqual([]);
}

for (const size of SIZES) {
  test.describe(`layout at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`responsibility matrix and load table (${size.name})`, async ({ page }) => {
      test.slow();
      await ensureDemoSetup(page);
      await signIn(page);
      const concept = await (await page.request.get('/api/v1/concept')).json();
      const departments: { name: string; shortName: string }[] = concept.departments;
      expect(departments.length).toBeGreaterThanOrEqual(7);

      await page.goto('/responsibility');
      const matrix = page.getByRole('table', { name: /Rollen der Ämter je Maßnahme/ });
      await expect(matrix).toBeVisible({ timeout: 30_000 }); // a loaded machine: the first page load may take long
      // a column for every department, named in full (the short name is explained)
      await expect(matrix.getByRole('columnheader')).toHaveCount(departments.length + 1);
      for (const d of departments) await expect(matrix.getByRole('columnheader', { name: d.name, exact: true })).toHaveCount(1);
      // the legend explains F/P/I and every short name
      const legend = page.locator('.matrix-legend');
      for (const word of ['federführend', 'Partner', 'informiert']) await expect(legend.getByText(word, { exact: true })).toBeVisible();
      for (const d of departments.filter((x) => x.shortName && x.shortName !== x.name)) {
        await expect(legend.getByText(d.name, { exact: true })).toBeVisible();
        await expect(matrix.locator(`abbr[title="${d.name}"]`)).toHaveText(d.shortName);
      }
      await expect(matrix.locator('td abbr[title="federführend"]').first()).toHaveText('F');

      // sticky head row and first column, inside the matrix's own scroll box
      const head = matrix.locator('thead th').nth(1);
      const firstCol = matrix.locator('tbody th').first();
      expect(await head.evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
      expect(await firstCol.evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
      const box = page.getByRole('region', { name: /Matrix mit \d+ Ämtern/ });
      const overflow = await box.evaluate((e) => ({ x: getComputedStyle(e).overflowX, sw: e.scrollWidth, cw: e.clientWidth }));
      expect(overflow.x).toBe('auto');
      if (size.name === 'phone') expect(overflow.sw).toBeGreaterThan(overflow.cw); // ten departments do not fit a phone: the box scrolls
      await expectNoPageScroll(page, 'matrix');
      // scrolled down and right inside its box, the head row and the measure column stay in view
      const top0 = (await box.boundingBox())!.y;
      await box.evaluate((e) => e.scrollTo({ top: 400, left: 400 }));
      await expect.poll(async () => Math.round((await head.boundingBox())!.y - top0)).toBeLessThanOrEqual(2);
      const left0 = (await box.boundingBox())!.x;
      const row = matrix.locator('tbody tr').nth(12).locator('th');
      await row.evaluate((e) => e.closest('.matrix-scroll')!.scrollTo({ top: (e as HTMLElement).offsetTop - 60, left: 400 }));
      await expect.poll(async () => Math.round((await row.boundingBox())!.x - left0)).toBeLessThanOrEqual(2);
      await box.evaluate((e) => e.scrollTo({ top: 0, left: 0 }));
      await expectAccessible(page, `responsibility matrix (${size.name})`);

      // the load table: styled like the others, every department, no cell cut off
      const load = page.getByRole('table', { name: /Anzahl der Maßnahmen je Amt und Rolle/ });
      await expect(load).toHaveClass(/\bdata\b/);
      await expect(load.getByRole('rowheader')).toHaveCount(departments.length);
      await expectNotClipped(load, 'load table');
      if (size.name === 'desktop') {
        const fit = await load.evaluate((t) => ({ t: t.scrollWidth, box: t.parentElement!.clientWidth }));
        expect(fit.t, 'load table fits at 1440 px').toBeLessThanOrEqual(fit.box);
      }
      await expectNoPageScroll(page, 'responsibility page');
    });

    test(`criteria meanings in full (${size.name})`, async ({ page }) => {
      test.slow();
      await ensureDemoSetup(page);
      await signIn(page);
      await page.goto('/priorities/criteria');
      const levels = page.getByLabel(/^Note [1-5] bedeutet$/);
      await expect(levels.first()).toBeVisible({ timeout: 30_000 });
      const n = await levels.count();
      expect(n).toBeGreaterThanOrEqual(30);
      for (let i = 0; i < n; i++) {
        const f = await levels.nth(i).evaluate((e) => ({
          tag: e.tagName, sh: e.scrollHeight, ch: e.clientHeight, sw: e.scrollWidth, cw: e.clientWidth,
          overflow: getComputedStyle(e).textOverflow, value: (e as HTMLTextAreaElement).value,
        }));
        expect(f.tag, 'a meaning is multi-line').toBe('TEXTAREA');
        expect(f.overflow).not.toBe('ellipsis');
        expect(f.sh, `"${f.value}" shown in full`).toBeLessThanOrEqual(f.ch + 1);
        expect(f.sw, `"${f.value}" not cut sideways`).toBeLessThanOrEqual(f.cw + 1);
      }
      await expectNoPageScroll(page, 'criteria');
      await expectAccessible(page, `criteria (${size.name})`);
    });

    test(`scoring round: sheet, results, chart, shared ranks (${size.name})`, async ({ page }) => {
      test.slow();
      await ensureDemoSetup(page);
      await signIn(page);
      const rounds = await (await page.request.get('/api/v1/priorities/rounds')).json();
      const list: { id: string; status: string }[] = Array.isArray(rounds) ? rounds : rounds.items;
      // the demo story's round (revealed, decided, with shared ranks); other journeys may have added rounds
      let round: { id: string } | undefined;
      for (const r of list.filter((x) => x.status === 'revealed')) {
        const detail = await (await page.request.get(`/api/v1/priorities/rounds/${r.id}`)).json();
        if (detail.isRater && detail.results?.some((x: { tied: boolean }) => x.tied)) {
          round = r;
          break;
        }
      }
      expect(round, 'the demo ranking has a shared rank').toBeDefined();
      await page.goto(`/priorities/rounds/${round!.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });

      // results: fit at 1440 px; shared ranks read "n (gleichauf)", never "n="
      const results = page.getByRole('table', { name: 'Rangfolge der Maßnahmen nach gewichteter Bewertung' });
      await expect(results).toBeVisible();
      const fit = await results.evaluate((t) => ({ t: t.scrollWidth, box: t.parentElement!.clientWidth }));
      if (size.name === 'desktop') expect(fit.t, 'results table fits at 1440 px').toBeLessThanOrEqual(fit.box);
      else await expectNotClipped(results, 'results on a phone');
      await expect(results.getByText(/^\d+ \(gleichauf\)$/).first()).toBeVisible();
      expect(await results.getByText(/^\d+=$/).count()).toBe(0);

      // the chart: focusing a point shows its full title beside it; the values stand in a table
      const points = page.getByRole('img', { name: /: Nutzen .*, Aufwand / });
      const count = await points.count();
      expect(count).toBeGreaterThan(3);
      await points.first().focus();
      const name = (await points.first().getAttribute('aria-label'))!;
      const title = name.slice(0, name.indexOf(': Nutzen'));
      const tip = page.getByTestId('chart-tip');
      await expect(tip).toBeVisible();
      await expect(tip).toContainText(title);
      await page.keyboard.press('Tab');
      const second = (await points.nth(1).getAttribute('aria-label'))!;
      await expect(tip).toContainText(second.slice(0, second.indexOf(': Nutzen')));
      // hover: the last point is drawn on top of the others, so the pointer reaches it
      await points.last().locator('circle').hover();
      const third = (await points.last().getAttribute('aria-label'))!;
      await expect(tip).toContainText(third.slice(0, third.indexOf(': Nutzen')));
      const values = page.getByRole('table', { name: 'Werte als Tabelle' });
      await expect(values.getByRole('row')).toHaveCount(count + 1);
      const chartBox = (await page.locator('svg.impact-chart').boundingBox())!;
      const tableBox = (await values.boundingBox())!;
      if (size.name === 'desktop') expect(tableBox.x, 'table beside the chart').toBeGreaterThanOrEqual(chartBox.x + chartBox.width - 1);
      else expect(tableBox.y, 'table below the chart').toBeGreaterThanOrEqual(chartBox.y + chartBox.height - 1);
      await expectNoPageScroll(page, 'round with tooltip');

      // the rating sheet: one form, one save; changes counted, saved and shown as saved
      const sheet = page.getByRole('form', { name: 'Meine Bewertung' });
      await expect(sheet).toBeVisible();
      await expect(page.getByRole('button', { name: 'Bewertungen speichern' })).toHaveCount(1);
      const select = sheet.getByRole('combobox').first();
      const before = await select.inputValue();
      const other = String((Number(before || '1') % 5) + 1);
      await select.focus();
      await select.selectOption(other);
      await expect(sheet.getByText('1 ungespeicherte Änderung(en)')).toBeVisible();
      await page.getByRole('button', { name: 'Bewertungen speichern' }).press('Enter');
      await expect(sheet.getByText('Gespeichert: 1 Änderung(en).')).toBeVisible();
      await expect(sheet.getByText('Alles gespeichert.')).toBeVisible();
      await select.selectOption(before); // back to the demo's value
      await page.getByRole('button', { name: 'Bewertungen speichern' }).click();
      await expect(sheet.getByText('Alles gespeichert.')).toBeVisible();
      await expectNoPageScroll(page, 'scoring round');
      await expectAccessible(page, `scoring round (${size.name})`);
    });

    test(`dot-vote results read shared ranks in words (${size.name})`, async ({ page }) => {
      test.slow();
      await ensureDemoSetup(page);
      await signIn(page);
      const ws = await (await page.request.get('/api/v1/workshops')).json();
      const workshops: { id: string }[] = Array.isArray(ws) ? ws : ws.items;
      let found: { workshopId: string; title: string; rank: number } | null = null;
      for (const w of workshops) {
        const rounds: { id: string; title: string; status: string }[] = await (await page.request.get(`/api/v1/workshops/${w.id}/rounds`)).json();
        for (const r of rounds.filter((x) => x.status === 'closed')) {
          const res = await (await page.request.get(`/api/v1/rounds/${r.id}/results`)).json();
          const tied = res.rows.find((x: { tied: boolean }) => x.tied);
          if (tied) {
            expect(tied.rankLabel).toBe(`${tied.rank} (gleichauf)`);
            found = { workshopId: w.id, title: r.title, rank: tied.rank };
            break;
          }
        }
        if (found) break;
      }
      expect(found, 'the demo has a closed dot round with a shared rank').not.toBeNull();
      await page.goto(`/workshops/${found!.workshopId}?tab=rounds`);
      const table = page.getByRole('table', { name: `Ergebnis der Runde „${found!.title}“` });
      await expect(table.getByRole('cell', { name: `${found!.rank} (gleichauf)`, exact: true }).first()).toBeVisible();
      expect(await table.getByText(/^\d+=$/).count()).toBe(0);
      await expectNoPageScroll(page, 'workshop rounds');
      if (size.name === 'desktop') {
        // in English: "n (tied)"
        await page.getByRole('button', { name: 'EN', exact: true }).click();
        await expect(page.getByRole('table', { name: `Result of the round "${found!.title}"` }).getByRole('cell', { name: `${found!.rank} (tied)`, exact: true }).first()).toBeVisible();
        await page.getByRole('button', { name: 'DE', exact: true }).click();
        await expect(table).toBeVisible();
      }
    });
  });
}
