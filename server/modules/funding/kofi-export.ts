import { loadExcel } from '../../lazy-libs';
import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { Kofi } from '../../../contract/funding';
import { formatDate, formatMoney } from '../../../domain/format';
import { LEVEL_LABELS, type Level } from '../../../domain/financing';
import { ACCENT, KEY_FILL, render } from '../measures/documents/brief-pdf';

const EURO = '#,##0 "€";-#,##0 "€";"–"';
const euros = (cents: number | null | undefined) => (cents == null ? null : Math.round(cents) / 100);

/**
 * The KoFi as councils read it: one row per measure with its cost, then for every year the money by
 * level (EU, Bund, Land, Kommune, Dritte) and the year's sum, then totals, own share and gap.
 */
export async function kofiXlsx(k: Kofi, ctx: { municipalityName: string; generatedAt: Date; filterSummary: string }): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Roter Faden';
  const ws = wb.addWorksheet('KoFi', { views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  const levels = k.levels as Level[];
  // the heading names the selection, so a printed or forwarded sheet says which measures it covers
  ws.getCell(1, 1).value = `Kosten- und Finanzierungsübersicht – ${ctx.municipalityName} · Auswahl: ${ctx.filterSummary}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  // two header rows: the year over its level columns
  const head1: (string | null)[] = ['Nr.', 'Maßnahme', 'Kosten (€)'];
  const head2: (string | null)[] = [null, null, null];
  for (const y of k.years) {
    head1.push(y, ...Array(levels.length).fill(null));
    head2.push(...levels.map((l) => LEVEL_LABELS[l]), `Summe ${y}`);
  }
  head1.push('Gesamt', null, null, null);
  head2.push('Fördermittel', 'Eigenanteil', 'Finanzierungslücke', 'Summe Quellen');
  ws.addRow([]);
  const r2 = ws.getRow(2);
  const r3 = ws.getRow(3);
  head1.forEach((v, i) => (r2.getCell(i + 1).value = v));
  head2.forEach((v, i) => (r3.getCell(i + 1).value = v));
  k.years.forEach((_, yi) => ws.mergeCells(2, 4 + yi * (levels.length + 1), 2, 3 + (yi + 1) * (levels.length + 1)));
  const totalsCol = 4 + k.years.length * (levels.length + 1);
  ws.mergeCells(2, totalsCol, 2, totalsCol + 3);
  for (const r of [r2, r3]) {
    r.font = { bold: true };
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    r.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF0F3' } }));
  }
  const line = (label: [string | number, string], cost: number | null, byYear: Kofi['sums'], t: Kofi['totals'] | Kofi['rows'][number]['totals']) => {
    const cells: (string | number | null)[] = [label[0], label[1], euros(cost)];
    for (const y of k.years) {
      const yl = byYear[y] ?? {};
      const values = levels.map((l) => euros(yl[l] ?? 0));
      cells.push(...values, values.reduce<number>((a, v) => a + (v ?? 0), 0));
    }
    const sources = levels.reduce((a, l) => a + (t.byLevel[l] ?? 0), 0);
    cells.push(euros(t.fundedCents), euros(t.ownShareCents), euros(t.gapCents), euros(sources));
    return cells;
  };
  for (const row of k.rows) ws.addRow(line([row.number, row.title], row.costCents, row.byYear, row.totals));
  const sumRow = ws.addRow(line(['', 'Summe'], k.totals.costCents, k.sums, k.totals));
  sumRow.font = { bold: true };
  sumRow.border = { top: { style: 'thin' } };
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 48;
  for (let c = 3; c <= totalsCol + 3; c++) {
    ws.getColumn(c).width = 14;
    ws.getColumn(c).numFmt = EURO;
  }
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  const info = wb.addWorksheet('Info');
  info.addRows([
    ['Kommune', ctx.municipalityName],
    ['Erstellt am', formatDate(ctx.generatedAt)],
    ['Auswahl', ctx.filterSummary],
    ['Maßnahmen', k.rows.length],
    ['Hinweis', 'Abgelehnte Anträge zählen nicht. Eigenanteil = Haushaltsmittel der Kommune plus nicht gedeckte Kosten.'],
  ]);
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The KoFi as a landscape PDF: measures with cost and money by level over all years, then years by level. */
export async function kofiPdf(k: Kofi, ctx: { municipalityName: string; generatedAt: Date; filterSummary: string }): Promise<Buffer> {
  const levels = k.levels as Level[];
  const money = (c: number | null | undefined) => ({ text: c == null ? '–' : formatMoney(c), alignment: 'right' as const });
  const header = (cells: string[]): TableCell[] => cells.map((text, i) => ({ text, bold: true, fillColor: KEY_FILL, alignment: i > 1 ? 'right' : 'left' }));
  const measureRows: TableCell[][] = k.rows.map((r) => [
    String(r.number), r.title, money(r.costCents), ...levels.map((l) => money(r.totals.byLevel[l] ?? 0)), money(r.totals.ownShareCents), money(r.totals.gapCents),
  ]);
  const totalRow: TableCell[] = ['', { text: 'Summe', bold: true }, money(k.totals.costCents), ...levels.map((l) => money(k.totals.byLevel[l] ?? 0)), money(k.totals.ownShareCents), money(k.totals.gapCents)];
  const yearRows: TableCell[][] = k.years.map((y) => [y, ...levels.map((l) => money(k.sums[y]?.[l] ?? 0)), money(levels.reduce((a, l) => a + (k.sums[y]?.[l] ?? 0), 0))]);
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 48, 36, 40],
    info: { title: `Kosten- und Finanzierungsübersicht ${ctx.municipalityName}` },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer: (page, pages) => ({ text: `${ctx.municipalityName} · KoFi · Stand ${formatDate(ctx.generatedAt)} · Seite ${page} von ${pages}`, alignment: 'center', fontSize: 7, margin: [0, 16, 0, 0] }),
    content: [
      { text: `Kosten- und Finanzierungsübersicht – ${ctx.municipalityName}`, fontSize: 14, bold: true, color: ACCENT },
      { text: `Auswahl: ${ctx.filterSummary} · ${k.rows.length} Maßnahmen`, margin: [0, 2, 0, 8] },
      {
        table: { headerRows: 1, widths: [22, '*', 62, ...levels.map(() => 58), 62, 62], body: [header(['Nr.', 'Maßnahme', 'Kosten', ...levels.map((l) => LEVEL_LABELS[l]), 'Eigenanteil', 'Lücke']), ...measureRows, totalRow] },
        layout: 'lightHorizontalLines',
      },
      { text: 'Nach Jahren und Quellen', fontSize: 11, bold: true, margin: [0, 14, 0, 4] },
      { table: { headerRows: 1, widths: [40, ...levels.map(() => 70), 80], body: [header(['Jahr', ...levels.map((l) => LEVEL_LABELS[l]), 'Summe']), ...yearRows] }, layout: 'lightHorizontalLines' },
      { text: 'Abgelehnte Anträge zählen nicht. Eigenanteil = Haushaltsmittel der Kommune plus nicht gedeckte Kosten.', italics: true, margin: [0, 10, 0, 0] },
    ],
  };
  return render(def).toBuffer();
}
