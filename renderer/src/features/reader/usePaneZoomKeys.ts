import { useEffect, useRef, type RefObject } from 'react';

/**
 * Ctrl + / Ctrl − / Ctrl 0 while focus is in the reader, and Ctrl + wheel over the document,
 * zoom the document instead of the whole window. Outside the reader they do what they always do.
 */
export function usePaneZoomKeys(
  root: RefObject<HTMLElement | null>,
  scroller: RefObject<HTMLElement | null>,
  zoomBy: (direction: 1 | -1) => void,
  fit: () => void,
): void {
  const actions = useRef({ zoomBy, fit });
  useEffect(() => {
    actions.current = { zoomBy, fit };
  });

  useEffect(() => {
    const pane = root.current;
    const box = scroller.current;
    if (!pane || !box) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key === '+' || event.key === '=') actions.current.zoomBy(1);
      else if (event.key === '-' || event.key === '_') actions.current.zoomBy(-1);
      else if (event.key === '0') actions.current.fit();
      else return;
      event.preventDefault();
    };
    // A wheel turn arrives as many events; one zoom step per 100 px of travel.
    let travel = 0;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      travel += event.deltaY;
      if (Math.abs(travel) >= 100 || Math.abs(event.deltaY) >= 50) {
        actions.current.zoomBy(travel < 0 ? 1 : -1);
        travel = 0;
      }
    };
    pane.addEventListener('keydown', onKey);
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      pane.removeEventListener('keydown', onKey);
      box.removeEventListener('wheel', onWheel);
    };
  }, [root, scroller]);
}
