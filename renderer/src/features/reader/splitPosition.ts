/**
 * Where the splitter between the document and the sheet sits: the document's share of the width.
 * A preference of this laptop (localStorage), not data of any round.
 */
const KEY = 'review-desk.reader.split';

export const SPLIT_MIN = 0.3;
export const SPLIT_MAX = 0.75;
export const SPLIT_DEFAULT = 0.58;

export const clampSplit = (share: number) =>
  Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Number.isFinite(share) ? share : SPLIT_DEFAULT));

export function readSplit(): number {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === null ? SPLIT_DEFAULT : clampSplit(Number(stored));
  } catch {
    return SPLIT_DEFAULT;
  }
}

export function writeSplit(share: number): void {
  try {
    localStorage.setItem(KEY, clampSplit(share).toFixed(3));
  } catch {
    // Storage refused (private mode, full): the position just is not remembered.
  }
}
