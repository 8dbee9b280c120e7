/** Room left between a focused field and a sticky bar, in CSS pixels. */
const MARGIN = 12;

/**
 * Scroll the window (or the pane the sheet scrolls in) so that `element` sits clear of the sticky app header above and the sticky
 * total bar below. Focusing a field only scrolls it into the viewport, which can leave it under
 * either bar; this moves it the rest of the way.
 */
export function keepClearOfStickyBars(element: HTMLElement, bottomBar: HTMLElement | null): void {
  const box = element.getBoundingClientRect();
  // Beside a document the sheet scrolls in a pane of its own; elsewhere the window scrolls.
  const pane = scrollingAncestor(element);
  const paneBox = pane?.getBoundingClientRect();
  const header = document.querySelector('.app-header');
  const top = Math.max(header ? header.getBoundingClientRect().bottom : 0, paneBox?.top ?? 0);
  const bottom = bottomBar
    ? bottomBar.getBoundingClientRect().top
    : (paneBox?.bottom ?? window.innerHeight);
  const scroller = pane ?? window;
  if (box.bottom > bottom - MARGIN) {
    scroller.scrollBy({ top: box.bottom - bottom + MARGIN, behavior: 'instant' });
  } else if (box.top < top + MARGIN) {
    scroller.scrollBy({ top: box.top - top - MARGIN, behavior: 'instant' });
  }
}

/** The nearest ancestor that scrolls vertically, or null when only the window does. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let el = element.parentElement; el && el !== document.body; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight)
      return el;
  }
  return null;
}
