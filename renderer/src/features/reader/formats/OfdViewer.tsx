import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { sniffFormat } from './detectFormat';
import type { OfdPage } from './readOfd';

/**
 * Object URLs for the images that browsers decode (PNG, JPEG, GIF, WebP, BMP, by magic bytes),
 * revoked when the document closes. Others (JBIG2, TIFF scans) are left out.
 */
function useMediaUrls(media: Map<string, Uint8Array>): Map<string, string> {
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const made = new Map<string, string>();
    for (const [path, bytes] of media) {
      const sniffed = sniffFormat(bytes, path);
      if (sniffed.kind !== 'image') continue;
      made.set(path, URL.createObjectURL(new Blob([bytes as BlobPart], { type: sniffed.mime })));
    }
    // The URLs live exactly as long as this effect: created here, revoked in its cleanup.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrls(made);
    return () => made.forEach((url) => URL.revokeObjectURL(url));
  }, [media]);
  return urls;
}

/** An OFD document as its pages' text and images, with the page count. */
export function OfdViewer({
  pages,
  totalPages,
  media,
}: {
  pages: OfdPage[];
  totalPages: number;
  media: Map<string, Uint8Array>;
}) {
  const { t } = useI18n();
  const f = t.formats.ofd;
  const urls = useMediaUrls(media);
  return (
    <div className="format-ofd">
      <p className="format-ofd-count" data-testid="ofd-pages">
        {f.pages(totalPages)}
      </p>
      <p className="format-note">{f.note}</p>
      {pages.length < totalPages && (
        <p className="format-note warn">{f.cut(pages.length, totalPages)}</p>
      )}
      {pages.map((page, p) => (
        <section key={p} className="format-ofd-page" aria-label={f.page(p + 1)}>
          <h3>{f.page(p + 1)}</h3>
          {page.lines.length === 0 ? (
            <p className="format-note">{f.noText}</p>
          ) : (
            page.lines.map((line, i) => <p key={i}>{line}</p>)
          )}
          {page.images.map((path, i) => {
            const url = urls.get(path);
            return url ? <img key={`${i}-${path}`} src={url} alt={f.image(p + 1, i + 1)} /> : null;
          })}
        </section>
      ))}
    </div>
  );
}
