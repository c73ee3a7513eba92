import { describe, expect, it } from 'vitest';
import { pageWindow } from './paging';

describe('pageWindow', () => {
  it('gives the rows of a page, the last one short', () => {
    expect(pageWindow(10_000, 1, 100)).toEqual({ page: 1, pages: 100, from: 1, to: 100 });
    expect(pageWindow(10_000, 100, 100)).toEqual({ page: 100, pages: 100, from: 9_901, to: 10_000 });
    expect(pageWindow(250, 3, 100)).toEqual({ page: 3, pages: 3, from: 201, to: 250 });
  });
  it('clamps pages outside the list and handles an empty one', () => {
    expect(pageWindow(250, 9, 100)).toEqual({ page: 3, pages: 3, from: 201, to: 250 });
    expect(pageWindow(250, 0, 100)).toMatchObject({ page: 1, from: 1, to: 100 });
    expect(pageWindow(250, Number.NaN, 100)).toMatchObject({ page: 1 });
    expect(pageWindow(0, 1, 100)).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
    expect(pageWindow(43, 1, 100)).toEqual({ page: 1, pages: 1, from: 1, to: 43 });
  });
});
