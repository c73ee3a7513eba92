/**
 * Heavy libraries that only some requests need (spreadsheets), loaded on first use rather than at
 * start-up: exceljs alone added ~0.2 s to every restart (docs/benchmarks.md, "restart").
 */
export const loadExcel = async () => (await import('exceljs')).default;

/** Single sign-on, only for municipalities that configured a provider (~0.13 s and ~0.06 s of every restart otherwise). */
export const loadOpenidClient = () => import('openid-client');
export const loadNodeSaml = () => import('@node-saml/node-saml');
