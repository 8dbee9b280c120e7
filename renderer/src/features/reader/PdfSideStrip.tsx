import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { PdfDocument } from './pdfjs';

interface OutlineEntry {
  title: string;
  page: number | null;
  children: OutlineEntry[];
}

type RawOutline = Awaited<ReturnType<PdfDocument['getOutline']>>;

/** The page a destination points at, or null when the PDF's entry leads nowhere we can follow. */
async function pageOf(pdf: PdfDocument, dest: unknown): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const target: unknown = explicit[0];
    if (typeof target === 'number') return target + 1;
    if (target && typeof target === 'object' && 'num' in target && 'gen' in target) {
      return (await pdf.getPageIndex(target as { num: number; gen: number })) + 1;
    }
  } catch {
    // A broken destination: the entry is shown without a link.
  }
  return null;
}

async function readOutline(pdf: PdfDocument, items: RawOutline): Promise<OutlineEntry[]> {
  return Promise.all(
    (items ?? []).map(async (item) => ({
      title: item.title,
      page: await pageOf(pdf, item.dest),
      children: await readOutline(pdf, item.items),
    })),
  );
}

function OutlineList({ entries, onPage }: { entries: OutlineEntry[]; onPage(page: number): void }) {
  return (
    <ul className="reader-outline">
      {entries.map((entry, i) => (
        <li key={`${i}-${entry.title}`}>
          {entry.page ? (
            <button type="button" className="link-button" onClick={() => onPage(entry.page!)}>
              {entry.title}
            </button>
          ) : (
            <span>{entry.title}</span>
          )}
          {entry.children.length > 0 && <OutlineList entries={entry.children} onPage={onPage} />}
        </li>
      ))}
    </ul>
  );
}

const THUMB_WIDTH = 120;

/** A small drawing of one page, made only once it scrolls into the strip's view. */
function Thumbnail({ pdf, page, current, onPage }: ThumbProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [seen, setSeen] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen]);

  useEffect(() => {
    if (!seen || !canvasRef.current) return undefined;
    const canvas = canvasRef.current;
    let stop = false;
    let cancel: (() => void) | null = null;
    (async () => {
      const p = await pdf.getPage(page);
      if (stop) return;
      const viewport = p.getViewport({ scale: THUMB_WIDTH / p.getViewport({ scale: 1 }).width });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const task = p.render({ canvas, viewport });
      cancel = () => task.cancel();
      await task.promise;
    })().catch(() => undefined);
    return () => {
      stop = true;
      cancel?.();
    };
  }, [seen, pdf, page]);

  return (
    <button
      ref={ref}
      type="button"
      className="reader-thumb"
      aria-current={current ? 'page' : undefined}
      aria-label={t.reader.goToPage(page)}
      onClick={() => onPage(page)}
    >
      <canvas ref={canvasRef} width={THUMB_WIDTH} height={Math.round(THUMB_WIDTH * 1.41)} />
      <span>{page}</span>
    </button>
  );
}

interface ThumbProps {
  pdf: PdfDocument;
  page: number;
  current: boolean;
  onPage(page: number): void;
}

/** The side strip: the PDF's own outline when it has one, and page thumbnails. */
export function PdfSideStrip({
  pdf,
  currentPage,
  onPage,
}: {
  pdf: PdfDocument;
  currentPage: number;
  onPage(page: number): void;
}) {
  const { t } = useI18n();
  const [outline, setOutline] = useState<OutlineEntry[] | null>(null);
  const [tab, setTab] = useState<'outline' | 'thumbs' | null>(null);

  useEffect(() => {
    let stop = false;
    void pdf
      .getOutline()
      .then((items) => readOutline(pdf, items))
      .then((entries) => {
        if (!stop) setOutline(entries);
      })
      .catch(() => {
        if (!stop) setOutline([]);
      });
    return () => {
      stop = true;
    };
  }, [pdf]);

  if (outline === null) return <nav className="reader-strip" aria-busy="true" />;
  const shown = tab ?? (outline.length > 0 ? 'outline' : 'thumbs');
  return (
    <nav className="reader-strip" aria-label={t.reader.strip}>
      <div className="reader-strip-tabs">
        {outline.length > 0 && (
          <button
            type="button"
            className="link-button"
            aria-pressed={shown === 'outline'}
            onClick={() => setTab('outline')}
          >
            {t.reader.outline}
          </button>
        )}
        <button
          type="button"
          className="link-button"
          aria-pressed={shown === 'thumbs'}
          onClick={() => setTab('thumbs')}
        >
          {t.reader.thumbnails}
        </button>
      </div>
      {shown === 'outline' ? (
        <OutlineList entries={outline} onPage={onPage} />
      ) : (
        <div className="reader-thumbs">
          {Array.from({ length: pdf.numPages }, (_, i) => (
            <Thumbnail
              key={i}
              pdf={pdf}
              page={i + 1}
              current={currentPage === i + 1}
              onPage={onPage}
            />
          ))}
        </div>
      )}
    </nav>
  );
}
