import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

import type * as PdfJsModule from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on first use and kept. Its worker is a file of our own bundle (no network, CSP
 * worker-src 'self'), and eval is switched off per document because the CSP forbids it.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  return pdfjsPromise;
}

const SCALE = 1.25;

/** A PDF attachment rendered page by page to a canvas, with a selectable text layer. */
export function PdfViewer({ blob, name }: { blob: Blob; name: string }) {
  const { t } = useI18n();
  const [doc, setDoc] = useState<{ blob: Blob; pdf: PdfDocument } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pdf = doc && doc.blob === blob ? doc.pdf : null;

  useEffect(() => {
    let cancelled = false;
    let loaded: PdfDocument | null = null;
    (async () => {
      const pdfjs = await loadPdfJs();
      const data = new Uint8Array(await blob.arrayBuffer());
      loaded = await pdfjs.getDocument({
        data,
        isEvalSupported: false,
        // Everything comes from the bytes: no font, CMap or wasm fetches.
        disableFontFace: false,
        useSystemFonts: true,
        stopAtErrors: false,
      }).promise;
      if (cancelled) {
        void loaded.destroy();
        return;
      }
      setPage(1);
      setDoc({ blob, pdf: loaded });
    })().catch((e: unknown) => {
      if (!cancelled) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      cancelled = true;
      if (loaded) void loaded.destroy();
    };
  }, [blob]);

  useEffect(() => {
    if (!pdf || !canvasRef.current || !textRef.current) return undefined;
    const canvas = canvasRef.current;
    const textDiv = textRef.current;
    let cancelled = false;
    let cancelRender: (() => void) | null = null;
    (async () => {
      const pdfjs = await loadPdfJs();
      const p = await pdf.getPage(page);
      const viewport = p.getViewport({ scale: SCALE });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const task = p.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      cancelRender = () => task.cancel();
      await task.promise;
      if (cancelled) return;
      textDiv.replaceChildren();
      textDiv.style.setProperty('--scale-factor', String(SCALE));
      textDiv.style.setProperty('--total-scale-factor', String(SCALE));
      const layer = new pdfjs.TextLayer({
        textContentSource: p.streamTextContent(),
        container: textDiv,
        viewport,
      });
      await layer.render();
    })().catch((e: unknown) => {
      if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException')) {
        setError(e instanceof Error ? e.message : String(e));
      }
    });
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [pdf, page]);

  if (error) return <p className="error-text">{t.packets.pdfFailed(error)}</p>;
  const pages = pdf?.numPages ?? 0;
  return (
    <div className="pdf-viewer" aria-label={name}>
      {pdf ? (
        <div className="pdf-toolbar">
          <button
            type="button"
            className="button"
            onClick={() => setPage((n) => n - 1)}
            disabled={page <= 1}
          >
            {t.packets.pdfPrevious}
          </button>
          <span data-testid="pdf-pages">{t.packets.pdfPages(page, pages)}</span>
          <button
            type="button"
            className="button"
            onClick={() => setPage((n) => n + 1)}
            disabled={page >= pages}
          >
            {t.packets.pdfNext}
          </button>
        </div>
      ) : (
        <p className="muted">{t.packets.pdfLoading}</p>
      )}
      <div className="pdf-page">
        <canvas ref={canvasRef} />
        <div className="textLayer" ref={textRef} data-testid="pdf-text" />
      </div>
    </div>
  );
}
