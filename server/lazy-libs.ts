/**
 * Heavy libraries that only some requests need (spreadsheets), loaded on first use rather than at
 * start-up: exceljs alone added ~0.2 s to every restart (docs/benchmarks.md, "restart").
 */
export const loadExcel = async () => (await import('exceljs')).default;
