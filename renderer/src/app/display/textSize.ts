/**
 * The app's text size, chosen per laptop: 标准, 大 or 特大. It scales the root font size, and the
 * stylesheet sizes text, spacing and widths in rem/em, so the whole app scales with it.
 *
 * Kept in localStorage (like the language), not in the database: it has to apply before the
 * first paint, also on the screen that says the database could not be opened, and it belongs to
 * whoever sits at the laptop (expert or secretariat), so it needs no session to change.
 */
export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const TEXT_SIZE_STORAGE_KEY = 'review-desk.textSize';

export const isTextSize = (value: unknown): value is TextSize =>
  typeof value === 'string' && (TEXT_SIZES as readonly string[]).includes(value);

/** The window's localStorage, or undefined where the profile refuses it. */
export function deviceStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The stored size; 标准 when nothing (or something unknown) is stored or storage is refused. */
export function readTextSize(storage: Pick<Storage, 'getItem'> | undefined): TextSize {
  try {
    const stored = storage?.getItem(TEXT_SIZE_STORAGE_KEY);
    return isTextSize(stored) ? stored : 'standard';
  } catch {
    return 'standard';
  }
}

/** Remembers the size; a profile without storage still gets the size for this session. */
export function writeTextSize(storage: Pick<Storage, 'setItem'> | undefined, size: TextSize) {
  try {
    storage?.setItem(TEXT_SIZE_STORAGE_KEY, size);
  } catch {
    // Nothing to do: the size applies until the window closes.
  }
}

/** The stylesheet reads the size from `<html data-text-size>` (styles.css, the :root rules). */
export function applyTextSize(root: HTMLElement, size: TextSize) {
  root.dataset.textSize = size;
}

/** A change made in another window of the app (the storage event), as a size, or null. */
export function textSizeFromStorageEvent(event: Pick<StorageEvent, 'key' | 'newValue'>) {
  if (event.key !== TEXT_SIZE_STORAGE_KEY) return null;
  return isTextSize(event.newValue) ? event.newValue : 'standard';
}
