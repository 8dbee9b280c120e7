import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import {
  anchorAt,
  layoutPages,
  mostVisiblePage,
  pagesInBand,
  scrollTopFor,
  stepZoom,
  type Anchor,
  type Size,
} from './pageLayout';
import { PdfPageCanvas } from './PdfPageCanvas';
import { PdfSearch } from './PdfSearch';
import { PdfSideStrip } from './PdfSideStrip';
import { openPdf, type PdfDocument } from './pdfjs';
import type { SearchHit } from './searchText';
import type { ReaderToolbarSlot, ViewState } from './viewState';
import { usePaneZoomKeys } from './usePaneZoomKeys';

interface Props {
  blob: Blob;
  name: string;
  /** Where this file was left last time (page, place on it, zoom). */
  initial: ViewState;
  onChange(state: ViewState): void;
  /** The full-screen button, drawn by the pane in this viewer's toolbar. */
  extraTools: ReaderToolbarSlot;
}

/** Room left around the pages inside the scrolled box (fit-to-width leaves it free). */
const SIDE_PADDING = 16;

/** A PDF read by continuous scrolling: only the pages in and near the view are drawn. */
export function PdfView({ blob, name, initial, onChange, extraTools }: Props) {
  const { t } = useI18n();
  const [doc, setDoc] = useState<{ blob: Blob; pdf: PdfDocument; size: Size } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stop = false;
    let loaded: PdfDocument | null = null;
    (async () => {
      loaded = await openPdf(blob);
      const first = (await loaded.getPage(1)).getViewport({ scale: 1 });
      if (stop) {
        void loaded.destroy();
        return;
      }
      setDoc({ blob, pdf: loaded, size: { width: first.width, height: first.height } });
    })().catch((e: unknown) => {
      if (!stop) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      stop = true;
      if (loaded) void loaded.destroy();
    };
  }, [blob]);

  if (error) return <p className="error-text reader-message">{t.packets.pdfFailed(error)}</p>;
  if (!doc || doc.blob !== blob)
    return <p className="muted reader-message">{t.packets.pdfLoading}</p>;
  return (
    <PdfScroller
      key={name}
      pdf={doc.pdf}
      firstSize={doc.size}
      name={name}
      initial={initial}
      onChange={onChange}
      extraTools={extraTools}
      onError={setError}
    />
  );
}

interface ScrollerProps extends Omit<Props, 'blob'> {
  pdf: PdfDocument;
  firstSize: Size;
  onError(message: string): void;
}

function PdfScroller({
  pdf,
  firstSize,
  name,
  initial,
  onChange,
  extraTools,
  onError,
}: ScrollerProps) {
  const { t } = useI18n();
  const pages = pdf.numPages;
  const scroller = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // Every page is assumed the size of page 1 until it is drawn and says otherwise.
  const [sizes, setSizes] = useState<Size[]>(() => Array.from({ length: pages }, () => firstSize));
  const [zoom, setZoom] = useState<ViewState['zoom']>(initial.zoom);
  const [boxWidth, setBoxWidth] = useState(0);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [stripOpen, setStripOpen] = useState(false);
  const [hit, setHit] = useState<{ hit: SearchHit; query: string } | null>(null);
  const [pageField, setPageField] = useState<string | null>(null);
  const anchor = useRef<Anchor>({ page: initial.page, fraction: initial.fraction });

  const fitScale = boxWidth > 0 ? (boxWidth - 2 * SIDE_PADDING) / firstSize.width : 1;
  const scale = zoom === 'fit' ? Math.max(0.1, fitScale) : zoom;
  const layout = useMemo(() => layoutPages(sizes, scale), [sizes, scale]);

  // The box's width decides fit-to-width; the view's height decides which pages are drawn.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const measure = () => {
      setBoxWidth(el.clientWidth);
      setView({ top: el.scrollTop, height: el.clientHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new scale or page size keeps the reader's place: same page, same point on it.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || boxWidth === 0) return;
    el.scrollTop = scrollTopFor(layout, anchor.current);
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [layout, boxWidth]);

  const current = mostVisiblePage(layout, view.top, view.height || 1);

  // Report where the reader is, so that switching files and back returns here.
  useEffect(() => {
    onChange({ page: anchor.current.page, fraction: anchor.current.fraction, zoom });
  }, [view.top, zoom, onChange]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    anchor.current = anchorAt(layout, el.scrollTop);
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [layout]);

  const goToPage = useCallback(
    (page: number) => {
      const el = scroller.current;
      if (!el) return;
      anchor.current = { page: Math.min(Math.max(page, 1), pages), fraction: 0 };
      el.scrollTop = scrollTopFor(layout, anchor.current);
      setView({ top: el.scrollTop, height: el.clientHeight });
    },
    [layout, pages],
  );

  const zoomBy = useCallback((direction: 1 | -1) => setZoom(stepZoom(scale, direction)), [scale]);
  usePaneZoomKeys(root, scroller, zoomBy, () => setZoom('fit'));

  const onSize = useCallback((page: number, width: number, height: number) => {
    setSizes((old) => {
      const known = old[page - 1];
      if (known && Math.abs(known.width - width) < 0.5 && Math.abs(known.height - height) < 0.5)
        return old;
      const next = [...old];
      next[page - 1] = { width, height };
      return next;
    });
  }, []);

  // Which pages hold a finished drawing, and at which scale ("page@scale").
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const onDrawn = useCallback((page: number, at: number | null) => {
    setDrawn((old) => {
      const next = new Set([...old].filter((key) => !key.startsWith(`${page}@`)));
      if (at !== null) next.add(`${page}@${at}`);
      return next;
    });
  }, []);

  // Pages in the view are drawn first; those within half a view above and below once they are
  // done (so a jump draws its page without waiting behind its neighbours); the rest stay empty.
  const [shownFirst, shownLast] = pagesInBand(layout, view.top, view.top + view.height);
  let shownDrawn = true;
  for (let page = shownFirst; page <= shownLast; page++) {
    if (!drawn.has(`${page}@${scale}`)) shownDrawn = false;
  }
  const [first, last] = pagesInBand(
    layout,
    view.top - view.height / 2,
    view.top + view.height * 1.5,
  );
  const slots = [];
  for (let page = 1; page <= pages; page++) {
    const near = page >= first && page <= last;
    slots.push(
      <div
        key={page}
        className="pdf-slot"
        data-page={page}
        style={{
          top: layout.tops[page - 1],
          width: layout.widths[page - 1],
          height: layout.heights[page - 1],
        }}
      >
        {near ? (
          <PdfPageCanvas
            pdf={pdf}
            pageNumber={page}
            scale={scale}
            highlight={hit && hit.hit.page === page ? hit.query : null}
            defer={!shownDrawn && (page < shownFirst || page > shownLast)}
            onSize={onSize}
            onDrawn={onDrawn}
            onError={onError}
          />
        ) : (
          <span className="pdf-slot-label" aria-hidden="true">
            {page}
          </span>
        )}
      </div>,
    );
  }
  const contentWidth = Math.max(...layout.widths, 0) + 2 * SIDE_PADDING;

  return (
    <div className="pdf-view" ref={root}>
      <div className="reader-toolbar" role="toolbar" aria-label={t.reader.tools(name)}>
        <button
          type="button"
          className="button"
          aria-expanded={stripOpen}
          onClick={() => setStripOpen((open) => !open)}
        >
          {t.reader.strip}
        </button>
        <span className="reader-group">
          <button
            type="button"
            className="button"
            aria-label={t.reader.zoomOut}
            title={t.reader.zoomOutKeys}
            onClick={() => zoomBy(-1)}
          >
            −
          </button>
          <span className="reader-zoom" data-testid="reader-zoom">
            {Math.round(scale * 100)}%
          </span>
          <button
            type="button"
            className="button"
            aria-label={t.reader.zoomIn}
            title={t.reader.zoomInKeys}
            onClick={() => zoomBy(1)}
          >
            +
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={zoom === 'fit'}
            onClick={() => setZoom('fit')}
          >
            {t.reader.fitWidth}
          </button>
        </span>
        <form
          className="reader-group"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(pageField);
            if (Number.isInteger(n) && n >= 1 && n <= pages) goToPage(n);
            setPageField(null);
          }}
        >
          <input
            className="reader-page-field"
            inputMode="numeric"
            aria-label={t.reader.pageField(pages)}
            value={pageField ?? String(current)}
            onFocus={(e) => e.target.select()}
            onChange={(e) => setPageField(e.target.value)}
            onBlur={() => setPageField(null)}
          />
          <span data-testid="reader-page-count">{t.reader.ofPages(pages)}</span>
        </form>
        {extraTools}
        <PdfSearch
          pdf={pdf}
          onHit={(found, query) => {
            setHit(found && query ? { hit: found, query } : null);
            if (found) goToPage(found.page);
          }}
        />
      </div>
      <div className="pdf-body">
        {stripOpen && <PdfSideStrip pdf={pdf} currentPage={current} onPage={goToPage} />}
        <div
          className="pdf-scroll"
          ref={scroller}
          tabIndex={0}
          role="document"
          aria-label={name}
          data-testid="reader-scroll"
          data-current-page={current}
          onScroll={onScroll}
        >
          <div className="pdf-pages" style={{ height: layout.total, width: contentWidth }}>
            {slots}
          </div>
        </div>
      </div>
      <p className="reader-visually-hidden" aria-live="polite">
        {t.reader.pageStatus(current, pages)}
      </p>
    </div>
  );
}
