import type { FocusEvent } from 'react';

/**
 * Scrolls whatever just took focus wholly into view. In a narrow window the header is one row
 * that scrolls sideways, and Chromium leaves a link reached by Tab where it is when part of it
 * already shows: the rest would stay cut off at the window's edge.
 */
export function revealFocused(event: FocusEvent<HTMLElement>) {
  if (event.target instanceof HTMLElement)
    event.target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
