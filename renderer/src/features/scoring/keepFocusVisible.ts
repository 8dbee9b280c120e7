/** Room left between a focused field and a sticky bar, in CSS pixels. */
const MARGIN = 12;

/**
 * Scroll the window so that `element` sits clear of the sticky app header above and the sticky
 * total bar below. Focusing a field only scrolls it into the viewport, which can leave it under
 * either bar; this moves it the rest of the way.
 */
export function keepClearOfStickyBars(element: HTMLElement, bottomBar: HTMLElement | null): void {
  const box = element.getBoundingClientRect();
  const header = document.querySelector('.app-header');
  const top = header ? header.getBoundingClientRect().bottom : 0;
  const bottom = bottomBar ? bottomBar.getBoundingClientRect().top : window.innerHeight;
  if (box.bottom > bottom - MARGIN) {
    window.scrollBy({ top: box.bottom - bottom + MARGIN, behavior: 'instant' });
  } else if (box.top < top + MARGIN) {
    window.scrollBy({ top: box.top - top - MARGIN, behavior: 'instant' });
  }
}
