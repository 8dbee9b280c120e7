/** Where each page of a continuously scrolled document sits, at a given scale. Pure arithmetic. */

export interface Size {
  width: number;
  height: number;
}

export interface Layout {
  /** Top of each page (index 0 is page 1), in CSS pixels from the top of the scrolled content. */
  tops: number[];
  heights: number[];
  widths: number[];
  /** Height of the whole content, the last gap included. */
  total: number;
}

/** Space between pages, and above the first and below the last. */
export const PAGE_GAP = 12;

export function layoutPages(sizes: readonly Size[], scale: number): Layout {
  const tops: number[] = [];
  const heights: number[] = [];
  const widths: number[] = [];
  let y = PAGE_GAP;
  for (const size of sizes) {
    const height = Math.round(size.height * scale);
    tops.push(y);
    heights.push(height);
    widths.push(Math.round(size.width * scale));
    y += height + PAGE_GAP;
  }
  return { tops, heights, widths, total: y };
}

/** Pages (1-based, inclusive) that overlap the band from `top` to `bottom`. */
export function pagesInBand(layout: Layout, top: number, bottom: number): [number, number] {
  const count = layout.tops.length;
  if (count === 0) return [1, 0];
  let first = count;
  for (let i = 0; i < count; i++) {
    if (layout.tops[i]! + layout.heights[i]! > top) {
      first = i + 1;
      break;
    }
  }
  let last = first;
  while (last < count && layout.tops[last]! < bottom) last++;
  return [first, Math.max(first, last)];
}

/** The page taking the most of the view from `top` (its height `height`); the first on a tie. */
export function mostVisiblePage(layout: Layout, top: number, height: number): number {
  const [first, last] = pagesInBand(layout, top, top + height);
  let best = first;
  let bestArea = -1;
  for (let page = first; page <= last; page++) {
    const start = layout.tops[page - 1]!;
    const end = start + layout.heights[page - 1]!;
    const area = Math.min(end, top + height) - Math.max(start, top);
    if (area > bestArea) {
      best = page;
      bestArea = area;
    }
  }
  return best;
}

/** A place in the document that survives a change of scale: a page and how far down it. */
export interface Anchor {
  page: number;
  fraction: number;
}

export function anchorAt(layout: Layout, scrollTop: number): Anchor {
  const [page] = pagesInBand(layout, scrollTop, scrollTop + 1);
  const index = Math.min(Math.max(page, 1), layout.tops.length) - 1;
  const top = layout.tops[index] ?? 0;
  const height = layout.heights[index] ?? 1;
  const fraction = Math.min(Math.max((scrollTop - top) / Math.max(height, 1), 0), 1);
  return { page: index + 1, fraction };
}

export function scrollTopFor(layout: Layout, anchor: Anchor): number {
  const index = Math.min(Math.max(anchor.page, 1), layout.tops.length) - 1;
  if (index < 0) return 0;
  // A page's own top sits a gap below the previous page; show the gap above it too.
  const top = layout.tops[index]! - (anchor.fraction === 0 ? PAGE_GAP : 0);
  return Math.max(0, top + anchor.fraction * layout.heights[index]!);
}

export const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

/** The next zoom step above (direction 1) or below (-1) `scale`. */
export function stepZoom(scale: number, direction: 1 | -1): number {
  if (direction === 1) return ZOOM_STEPS.find((s) => s > scale + 0.001) ?? ZOOM_STEPS.at(-1)!;
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001) ?? ZOOM_STEPS[0];
}
