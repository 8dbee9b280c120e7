/**
 * Text search within a document: what counts as a match, and marking it in a page's text layer.
 * Whitespace is ignored on both sides, because PDFs split and space Chinese text arbitrarily
 * (“第 40 页” may come out as “第”, “40”, “页”); case is ignored for Latin letters.
 */

export function normalizeForSearch(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** How many times `query` (already normalized, not empty) occurs in `text` (normalized). */
export function countMatches(text: string, query: string): number {
  if (query === '') return 0;
  let count = 0;
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) {
    count++;
  }
  return count;
}

export interface SearchHit {
  page: number;
  /** Which occurrence on its page (0-based). */
  index: number;
}

/** Every occurrence of `query` in the pages' texts, in reading order. */
export function findHits(pageTexts: readonly string[], query: string): SearchHit[] {
  const needle = normalizeForSearch(query);
  const hits: SearchHit[] = [];
  if (needle === '') return hits;
  pageTexts.forEach((text, i) => {
    const n = countMatches(text, needle);
    for (let index = 0; index < n; index++) hits.push({ page: i + 1, index });
  });
  return hits;
}

/**
 * Marks the text layer's pieces that make up a match of `query` (class `search-hit`), or clears
 * the marks when `query` is null. Pieces are joined in order, so a match across pieces is marked
 * on every piece it touches.
 */
export function markMatches(layer: HTMLElement, query: string | null): void {
  const spans = [...layer.querySelectorAll<HTMLElement>('span')].filter(
    (span) => span.children.length === 0,
  );
  for (const span of spans) span.classList.remove('search-hit');
  const needle = query ? normalizeForSearch(query) : '';
  if (needle === '') return;
  const pieces = spans.map((span) => normalizeForSearch(span.textContent ?? ''));
  const text = pieces.join('');
  const starts: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    starts.push(offset);
    offset += piece.length;
  }
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const end = at + needle.length;
    spans.forEach((span, i) => {
      const start = starts[i]!;
      const stop = start + pieces[i]!.length;
      if (stop > at && start < end) span.classList.add('search-hit');
    });
  }
}
