import { loadExcel } from '../../lazy-libs';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { FundingProgramme, FundingProgrammeInput, ProgrammeImportPreview, ProgrammeImportRow } from '../../../contract/funding';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import type { Sheet } from '../measures/documents/read-sheet';
import { COLUMNS, columnIndex, parseRow, programmeCells, type ParsedRow } from './programme-sheet';
import { bumpCatalogue, ensureCatalogue, insertProgramme, listProgrammes, lockCatalogue, PROGRAMME_FIELDS, writeProgrammeFields } from './programmes.service';

// ---------------------------------------------------------------------------------------------------
// Export

export async function programmesXlsx(programmes: FundingProgramme[], ctx: { municipalityName: string; generatedAt: Date }): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Roter Faden';
  const ws = wb.addWorksheet('Förderprogramme', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.addRow(COLUMNS.map((c) => c.de));
  ws.getRow(1).font = { bold: true };
  for (const p of programmes) {
    const cells = programmeCells(p);
    ws.addRow(COLUMNS.map((c) => cells[c.key]));
  }
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.key === 'id' ? 38 : c.key === 'name' || c.key === 'description' || c.key === 'requiredDocuments' ? 50 : c.key === 'windows' || c.key === 'topics' ? 34 : 18;
    if (c.key === 'minAmountCents' || c.key === 'maxAmountCents') col.numFmt = '#,##0.00 "€"';
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  const info = wb.addWorksheet('Hinweise');
  info.addRows([
    ['Kommune', ctx.municipalityName],
    ['Erstellt am', ctx.generatedAt.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' })],
    ['ID', 'Leer lassen für ein neues Programm. Mit ID wird genau dieses Programm geändert (auch sein Name); ohne ID das Programm mit gleichem Namen.'],
    ['Listen', 'Antragsberechtigte und Förderthemen: ein Eintrag pro Zeile der Zelle (oder durch ; getrennt).'],
    ['Antragsfenster', 'Ein Fenster pro Zeile: TT.MM.JJJJ – TT.MM.JJJJ (Hinweis). Beginn oder Frist darf fehlen.'],
    ['Ebene / Art', 'Ebene: EU, Bund, Land, Sonstige. Art: Zuschuss, Darlehen, Preis.'],
    ['Antragsberechtigte', 'Kommunen, kommunale Unternehmen, Vereine und Verbände, Lokale Aktionsgruppen, Private'],
    ['Import', 'Alles oder nichts: enthält eine Zeile einen Fehler, wird nichts übernommen.'],
  ]);
  info.getColumn(1).width = 20;
  info.getColumn(2).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV as German spreadsheets open it: UTF-8 with BOM, ";" between fields, decimal comma. */
export function programmesCsv(programmes: FundingProgramme[]): string {
  const field = (v: string | number | null) => {
    if (v == null) return '';
    if (typeof v === 'number') return String(v).replace('.', ',');
    // a leading formula character is defused with an apostrophe (removed again on import)
    const s = /^[=+\-@]/.test(v) ? `'${v}` : v;
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [COLUMNS.map((c) => field(c.de)).join(';')];
  for (const p of programmes) {
    const cells = programmeCells(p);
    lines.push(COLUMNS.map((c) => field(cells[c.key])).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------------
// Import

interface PlannedRow extends ParsedRow {
  action: ProgrammeImportRow['action'];
  existing: FundingProgramme | null;
  changes: string[];
}

/** Deep equality independent of key order (jsonb returns object keys in its own order). */
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) : (v ?? null);
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Decides for every row what an import would do — create, update (by ID, else by name), unchanged —
 * and collects row errors: unreadable cells, an unknown ID, the same programme twice in the file,
 * a name already used by another programme.
 */
function plan(sheet: Sheet, existing: FundingProgramme[]): { rows: PlannedRow[]; fileErrors: string[] } {
  const { index, missing } = columnIndex(sheet.headers);
  if (missing.length) return { rows: [], fileErrors: [`Es fehlen Spalten: ${missing.join(', ')}. Bitte die Vorlage aus dem Export verwenden.`] };
  const byId = new Map(existing.map((p) => [p.id, p]));
  const byName = new Map(existing.map((p) => [p.name.toLowerCase(), p]));
  const seenTargets = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const rows = sheet.rows.map((cells, i): PlannedRow => {
    const parsed = parseRow(cells, index, i + 2);
    const errors = [...parsed.errors];
    let target: FundingProgramme | null = null;
    if (parsed.id) {
      target = byId.get(parsed.id) ?? null;
      if (!target) errors.push('Die ID gehört zu keinem Förderprogramm dieser Kommune. Für ein neues Programm die ID leer lassen.');
    } else if (parsed.input) {
      target = byName.get(parsed.input.name.toLowerCase()) ?? null;
    }
    if (parsed.input) {
      const name = parsed.input.name.toLowerCase();
      const owner = byName.get(name);
      if (owner && target && owner.id !== target.id) errors.push(`Den Namen „${parsed.input.name}“ trägt schon ein anderes Förderprogramm.`);
      const dupName = seenNames.get(name);
      if (dupName) errors.push(`Der Name „${parsed.input.name}“ steht schon in Zeile ${dupName}.`);
      else seenNames.set(name, parsed.row);
    }
    if (target) {
      const dup = seenTargets.get(target.id);
      if (dup) errors.push(`Dieses Förderprogramm steht schon in Zeile ${dup}.`);
      else seenTargets.set(target.id, parsed.row);
    }
    if (errors.length || !parsed.input) return { ...parsed, errors, action: 'error', existing: target, changes: [] };
    if (!target) return { ...parsed, errors, action: 'create', existing: null, changes: [] };
    // a file from before the later columns keeps the programme's values for them
    const input: FundingProgrammeInput = { ...parsed.input, ...Object.fromEntries(parsed.absent.map((k) => [k, target[k]])) };
    const changes = PROGRAMME_FIELDS.filter((f) => !same(input[f], target[f])).map((f) => COLUMNS.find((c) => c.key === f)!.de);
    return { ...parsed, input, errors, action: changes.length ? 'update' : 'unchanged', existing: target, changes };
  });
  return { rows, fileErrors: [] };
}

function summary(rows: PlannedRow[], fileErrors: string[]): ProgrammeImportPreview {
  const count = (a: ProgrammeImportRow['action']) => rows.filter((r) => r.action === a).length;
  return {
    rows: rows.map((r) => ({ row: r.row, name: r.input?.name ?? r.existing?.name ?? '', action: r.action, errors: r.errors, changes: r.changes })),
    counts: { create: count('create'), update: count('update'), unchanged: count('unchanged'), error: count('error') },
    fileErrors,
    ok: fileErrors.length === 0 && count('error') === 0 && rows.length > 0,
  };
}

export async function previewProgrammeImport(db: Db, municipalityId: string, sheet: Sheet): Promise<ProgrammeImportPreview> {
  const { rows, fileErrors } = plan(sheet, await listProgrammes(db, municipalityId));
  return summary(rows, fileErrors);
}

export interface ImportOutcome {
  created: string[];
  updated: { id: string; before: FundingProgramme }[];
  unchanged: number;
}

/**
 * All or nothing, in one transaction: any row error refuses the whole file (400 `import_invalid` with
 * the preview). Concurrent imports of one municipality take turns (the municipality row is locked);
 * an import overwrites the listed fields of existing programmes whatever their version (the file is
 * the admin's intended catalogue) and raises each changed programme's version.
 */
export async function commitProgrammeImport(t: Db, actor: Actor, sheet: Sheet): Promise<ImportOutcome> {
  await ensureCatalogue(t, actor.municipalityId);
  await lockCatalogue(t, actor.municipalityId);
  const { rows, fileErrors } = plan(sheet, await listProgrammes(t, actor.municipalityId));
  const preview = summary(rows, fileErrors);
  if (!preview.ok) {
    const n = preview.counts.error;
    const message = fileErrors[0] ?? (n ? `${n} ${n === 1 ? 'Zeile enthält' : 'Zeilen enthalten'} Fehler – es wurde nichts übernommen.` : 'Die Datei enthält keine Programme.');
    throw new AppError(400, 'import_invalid', fileErrors[0] ? { key: 'import_invalid.programmes_file', params: { problem: message } } : n ? { key: 'import_invalid.programmes', params: { n } } : 'import_invalid.no_programmes', preview);
  }
  const out: ImportOutcome = { created: [], updated: [], unchanged: 0 };
  // renames first to temporary names would be needed only for swapped names, which plan() refuses
  for (const r of rows) {
    const input = r.input as FundingProgrammeInput;
    if (r.action === 'create') {
      const id = await insertProgramme(t, actor.municipalityId, input);
      out.created.push(id);
      await recordAudit(t, actor, { entityType: 'fundingProgramme', entityId: id, action: 'create', before: null, after: { ...input, import: true } });
    } else if (r.action === 'update') {
      const before = r.existing as FundingProgramme;
      await writeProgrammeFields(t, actor.municipalityId, before.id, input);
      out.updated.push({ id: before.id, before });
      await recordAudit(t, actor, { entityType: 'fundingProgramme', entityId: before.id, action: 'update', before, after: { ...input, import: true } });
    } else out.unchanged++;
  }
  if (out.created.length || out.updated.length) await bumpCatalogue(t, actor.municipalityId);
  return out;
}
