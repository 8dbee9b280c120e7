import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { PdfDocument } from './pdfjs';
import { findHits, normalizeForSearch, type SearchHit } from './searchText';

/** Each page's text (pdf.js getTextContent), read once per open document. */
const pageTextsByDocument = new WeakMap<PdfDocument, Promise<string[]>>();

function pageTexts(pdf: PdfDocument): Promise<string[]> {
  let texts = pageTextsByDocument.get(pdf);
  if (!texts) {
    texts = (async () => {
      const out: string[] = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        out.push(
          normalizeForSearch(content.items.map((item) => ('str' in item ? item.str : '')).join('')),
        );
      }
      return out;
    })();
    pageTextsByDocument.set(pdf, texts);
  }
  return texts;
}

interface Props {
  pdf: PdfDocument;
  /** Show this hit: scroll its page into view and mark `query` there (null clears the mark). */
  onHit(hit: SearchHit | null, query: string | null): void;
}

/** 查找: a word in the document's text, with the next and previous hit. */
export function PdfSearch({ pdf, onHit }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{
    query: string;
    hits: SearchHit[];
    current: number;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useRef(0);

  async function search(direction: 1 | -1) {
    const q = query.trim();
    if (q === '') {
      setResult(null);
      onHit(null, null);
      return;
    }
    if (result && result.query === q && result.hits.length > 0) {
      const current = (result.current + direction + result.hits.length) % result.hits.length;
      setResult({ ...result, current });
      onHit(result.hits[current]!, q);
      return;
    }
    const mine = ++run.current;
    setBusy(true);
    try {
      const hits = findHits(await pageTexts(pdf), q);
      if (mine !== run.current) return;
      const current = direction === 1 ? 0 : hits.length - 1;
      setResult({ query: q, hits, current });
      onHit(hits[current] ?? null, hits.length > 0 ? q : null);
    } finally {
      if (mine === run.current) setBusy(false);
    }
  }

  const hit = result?.hits[result.current];
  return (
    <form
      className="reader-search"
      role="search"
      aria-label={t.reader.search}
      onSubmit={(e) => {
        e.preventDefault();
        void search(1);
      }}
    >
      <input
        type="search"
        aria-label={t.reader.searchLabel}
        placeholder={t.reader.search}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.shiftKey) {
            e.preventDefault();
            void search(-1);
          }
        }}
      />
      <button type="button" className="button" onClick={() => void search(-1)}>
        {t.reader.previousHit}
      </button>
      <button type="submit" className="button">
        {t.reader.nextHit}
      </button>
      <span className="reader-search-status" role="status" data-testid="reader-search-status">
        {busy
          ? t.reader.searching
          : result && normalizeForSearch(result.query) !== ''
            ? hit
              ? t.reader.hitOf(result.current + 1, result.hits.length, hit.page)
              : t.reader.noHits(result.query)
            : ''}
      </span>
    </form>
  );
}
