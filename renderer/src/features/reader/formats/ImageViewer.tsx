import { useEffect, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { usePaneZoomKeys } from '../usePaneZoomKeys';
import type { ImageMime } from './detectFormat';

const STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];

/** The container's inner width, followed as the pane is resized. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * A photo or scan: fit to the pane's width by default, zoom in steps (buttons, Ctrl +/−, Ctrl +
 * wheel), rotate by 90°. The bytes
 * are shown under the type their magic bytes name, from an object URL revoked on close.
 */
export function ImageViewer({
  bytes,
  mime,
  name,
}: {
  bytes: Uint8Array;
  mime: ImageMime;
  name: string;
}) {
  const { t } = useI18n();
  const f = t.formats.image;
  const [url, setUrl] = useState<string | null>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [broken, setBroken] = useState(false);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [turns, setTurns] = useState(0);
  const paneRef = useRef<HTMLDivElement>(null);
  const paneWidth = useWidth(paneRef);

  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
    // The URL lives exactly as long as this effect: created here, revoked in its cleanup.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes, mime]);

  const sideways = turns % 2 === 1;
  const boxNatural = natural && (sideways ? { w: natural.h, h: natural.w } : natural);
  const fitScale = boxNatural && paneWidth > 0 ? Math.min(4, paneWidth / boxNatural.w) : 1;
  const scale = zoom === 'fit' ? fitScale : zoom;
  const step = (direction: 1 | -1) => {
    const next =
      direction > 0
        ? (STEPS.find((s) => s > scale + 0.001) ?? STEPS.at(-1)!)
        : ([...STEPS].reverse().find((s) => s < scale - 0.001) ?? STEPS[0]!);
    setZoom(next);
  };
  const rootRef = useRef<HTMLDivElement>(null);
  // Ctrl + / Ctrl − / Ctrl 0 and Ctrl + wheel zoom the image, as they zoom a PDF.
  usePaneZoomKeys(rootRef, paneRef, step, () => setZoom('fit'));

  return (
    <div className="format-image" ref={rootRef}>
      <div className="format-toolbar" role="toolbar" aria-label={f.toolbar}>
        <button
          type="button"
          className="button"
          onClick={() => step(-1)}
          disabled={scale <= STEPS[0]!}
        >
          {f.zoomOut}
        </button>
        <span className="format-zoom" aria-live="polite" data-testid="image-zoom">
          {f.zoom(Math.round(scale * 100))}
        </span>
        <button
          type="button"
          className="button"
          onClick={() => step(1)}
          disabled={scale >= STEPS.at(-1)!}
        >
          {f.zoomIn}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={zoom === 'fit'}
          onClick={() => setZoom('fit')}
        >
          {f.fit}
        </button>
        <button type="button" className="button" onClick={() => setZoom(1)}>
          {f.actual}
        </button>
        <button type="button" className="button" onClick={() => setTurns((n) => (n + 1) % 4)}>
          {f.rotate}
        </button>
      </div>
      <div className="format-image-pane" ref={paneRef}>
        {broken && <p className="error-text">{f.broken}</p>}
        {url && !broken && (
          <div
            className="format-image-box"
            style={
              boxNatural ? { width: boxNatural.w * scale, height: boxNatural.h * scale } : undefined
            }
          >
            <img
              src={url}
              alt={name}
              data-testid="format-image"
              onLoad={(e) =>
                setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })
              }
              onError={() => setBroken(true)}
              style={
                natural
                  ? {
                      width: natural.w * scale,
                      height: natural.h * scale,
                      transform: `translate(-50%, -50%) rotate(${turns * 90}deg)`,
                    }
                  : undefined
              }
            />
          </div>
        )}
      </div>
    </div>
  );
}
