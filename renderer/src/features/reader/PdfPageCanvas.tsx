import { useEffect, useLayoutEffect, useRef } from 'react';
import { loadPdfJs, type PdfDocument } from './pdfjs';
import { markMatches } from './searchText';

interface Props {
  pdf: PdfDocument;
  pageNumber: number;
  scale: number;
  /** Text to mark on this page (the current search hit's page), or null. */
  highlight: string | null;
  /** The page's size at scale 1, once known (pages of one file may differ). */
  onSize(pageNumber: number, width: number, height: number): void;
  /** Pages just outside the view wait (`defer`) until those in it are drawn. */
  defer: boolean;
  /** A drawing is finished (scale), or gone with its canvas (null). */
  onDrawn(pageNumber: number, scale: number | null): void;
  onError(message: string): void;
}

const cancelled = (e: unknown) => e instanceof Error && e.name === 'RenderingCancelledException';

/**
 * One page drawn to a canvas at `scale` (sharp on high-density screens), with a selectable text
 * layer on top. Only pages near the view are mounted; the rest are empty boxes of the right size.
 */
export function PdfPageCanvas({
  pdf,
  pageNumber,
  scale,
  highlight,
  defer,
  onSize,
  onDrawn,
  onError,
}: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);

  // Started in a layout effect: the drawing is under way before the browser paints the empty box.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const textDiv = textRef.current;
    if (!canvas || !textDiv || defer) return undefined;
    // Already drawn at this scale (it only moved out of the view and back).
    if (canvas.dataset.drawn === String(scale)) return undefined;
    let stop = false;
    let cancelRender: (() => void) | null = null;
    (async () => {
      const pdfjs = await loadPdfJs();
      const page = await pdf.getPage(pageNumber);
      if (stop) return;
      const unscaled = page.getViewport({ scale: 1 });
      onSize(pageNumber, unscaled.width, unscaled.height);
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      // Draw into a canvas of our own and swap it in when done: the old drawing stays meanwhile.
      const drawing = document.createElement('canvas');
      drawing.width = Math.floor(viewport.width * ratio);
      drawing.height = Math.floor(viewport.height * ratio);
      const task = page.render({
        canvas: drawing,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      cancelRender = () => task.cancel();
      await task.promise;
      if (stop) return;
      canvas.width = drawing.width;
      canvas.height = drawing.height;
      canvas.getContext('2d')?.drawImage(drawing, 0, 0);
      canvas.dataset.drawn = String(scale);
      onDrawn(pageNumber, scale);
      textDiv.replaceChildren();
      textDiv.style.setProperty('--scale-factor', String(scale));
      textDiv.style.setProperty('--total-scale-factor', String(scale));
      const layer = new pdfjs.TextLayer({
        textContentSource: page.streamTextContent(),
        container: textDiv,
        viewport,
      });
      await layer.render();
      if (stop) return;
      textDiv.dataset.ready = 'true';
      markMatches(textDiv, highlight);
    })().catch((e: unknown) => {
      if (!stop && !cancelled(e)) onError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      stop = true;
      cancelRender?.();
    };
    // The highlight is applied by the effect below without drawing the page again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pdf, pageNumber, scale, defer]);

  useEffect(() => () => onDrawn(pageNumber, null), [onDrawn, pageNumber]);

  useEffect(() => {
    const textDiv = textRef.current;
    if (textDiv?.dataset.ready === 'true') markMatches(textDiv, highlight);
  }, [highlight]);

  return (
    <>
      <canvas ref={canvasRef} data-testid={`pdf-canvas-${pageNumber}`} />
      <div className="textLayer" ref={textRef} />
    </>
  );
}
