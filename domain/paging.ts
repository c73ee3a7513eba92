/**
 * One page of a list shown in the browser: which rows (1-based `from`–`to`, inclusive) page `page` holds,
 * with the page clamped to 1…pages (a bookmarked page 9 of a list that shrank to 3 pages shows page 3).
 */
export function pageWindow(total: number, page: number, size: number): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { page: p, pages, from: total === 0 ? 0 : (p - 1) * size + 1, to: Math.min(total, p * size) };
}
