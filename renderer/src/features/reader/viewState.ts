import type { ReactNode } from 'react';

/** Where the reader left one file: the page, how far down it, and the zoom. */
export interface ViewState {
  page: number;
  /** 0 at the page's top, 1 at its bottom. */
  fraction: number;
  /** 'fit' follows the pane's width; a number is a fixed scale (1 = 100 %). */
  zoom: 'fit' | number;
}

export const START: ViewState = { page: 1, fraction: 0, zoom: 'fit' };

/** Controls the reader pane adds to a viewer's own toolbar (the full-screen switch). */
export type ReaderToolbarSlot = ReactNode;
