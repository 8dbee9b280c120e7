import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Windowing for a long table: only the rows in (or near) the scroll viewport are rendered, so a
 * round of several thousand packets scrolls and filters as quickly as one of ten. Rows have a
 * fixed height (CSS keeps cells to one line), which makes the arithmetic exact.
 */
export function useWindowedRows(
  count: number,
  rowHeight: number,
  viewport: RefObject<HTMLElement | null>,
  overscan = 10,
) {
  const [scroll, setScroll] = useState({ top: 0, height: 800 });
  const measure = () => {
    const el = viewport.current;
    if (el) setScroll({ top: el.scrollTop, height: el.clientHeight || 800 });
  };
  useLayoutEffect(() => {
    const onResize = () => {
      const el = viewport.current;
      if (el) setScroll({ top: el.scrollTop, height: el.clientHeight || 800 });
    };
    // Reading layout after mount (and when the row count changes) is what a layout effect is for.
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [viewport, count]);
  const first = Math.max(0, Math.floor(scroll.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scroll.top + scroll.height) / rowHeight) + overscan);
  return {
    first,
    last,
    paddingTop: first * rowHeight,
    paddingBottom: (count - last) * rowHeight,
    onScroll: measure,
  };
}
