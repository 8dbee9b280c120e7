import { describe, expect, it } from 'vitest';
import { findHits, normalizeForSearch } from './searchText';

describe('search in a document', () => {
  it('finds words across spacing and case, page by page, in reading order', () => {
    const pages = ['第 1 页 Intro', '第 2 页', 'budget BUDGET', '第 4 页 budget'].map(
      normalizeForSearch,
    );
    expect(findHits(pages, 'Budget')).toEqual([
      { page: 3, index: 0 },
      { page: 3, index: 1 },
      { page: 4, index: 0 },
    ]);
    expect(findHits(pages, '第2页')).toEqual([{ page: 2, index: 0 }]);
    expect(findHits(pages, '第 4 页')).toEqual([{ page: 4, index: 0 }]);
    expect(findHits(pages, '   ')).toEqual([]);
    expect(findHits(pages, '预算')).toEqual([]);
  });
});
