import { describe, expect, it } from 'vitest';
import {
  anchorAt,
  layoutPages,
  mostVisiblePage,
  PAGE_GAP,
  pagesInBand,
  scrollTopFor,
  stepZoom,
} from './pageLayout';

const a4 = { width: 595, height: 842 };
const sixty = Array.from({ length: 60 }, () => a4);

describe('page layout', () => {
  it('stacks pages with a gap and draws only the band in view', () => {
    const layout = layoutPages(sixty, 1);
    expect(layout.tops[0]).toBe(PAGE_GAP);
    expect(layout.tops[39]).toBe(PAGE_GAP + 39 * (842 + PAGE_GAP));
    expect(layout.total).toBe(PAGE_GAP + 60 * (842 + PAGE_GAP));
    const top = layout.tops[39]!;
    expect(pagesInBand(layout, top, top + 600)).toEqual([40, 40]);
    expect(pagesInBand(layout, top + 500, top + 1000)).toEqual([40, 41]);
  });

  it('names the page that fills most of the view, also at the end of the document', () => {
    const layout = layoutPages(sixty, 0.5);
    expect(mostVisiblePage(layout, scrollTopFor(layout, { page: 40, fraction: 0 }), 600)).toBe(40);
    expect(mostVisiblePage(layout, layout.total - 600, 600)).toBe(60);
  });

  it('keeps the reader on the same spot of the same page when the scale changes', () => {
    const small = layoutPages(sixty, 0.8);
    const anchor = anchorAt(small, small.tops[24]! + small.heights[24]! / 4);
    expect(anchor.page).toBe(25);
    expect(anchor.fraction).toBeCloseTo(0.25, 2);
    const large = layoutPages(sixty, 2);
    const back = anchorAt(large, scrollTopFor(large, anchor));
    expect(back.page).toBe(25);
    expect(back.fraction).toBeCloseTo(0.25, 2);
    // A jump to a page's top shows the gap above it and still counts as that page.
    expect(anchorAt(large, scrollTopFor(large, { page: 7, fraction: 0 })).page).toBe(7);
  });

  it('zooms in and out by steps, stopping at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1.18, 1)).toBe(1.25);
    expect(stepZoom(1.18, -1)).toBe(1.1);
    expect(stepZoom(3, 1)).toBe(3);
    expect(stepZoom(0.5, -1)).toBe(0.5);
  });
});
