import { lazy, Suspense, useEffect, useState } from 'react';
import type { AttachmentRow } from '../../data/rows';

/** An object URL for a Blob, revoked when the Blob changes or the component goes away. */
function useObjectUrl(blob: Blob | null): string | null {
  const [entry, setEntry] = useState<{ blob: Blob; url: string } | null>(null);
  useEffect(() => {
    if (!blob) return undefined;
    const url = URL.createObjectURL(blob);
    // The URL is an external resource whose lifetime is this effect's: created here, revoked in
    // the cleanup, so the state must be set here too.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setEntry({ blob, url });
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return entry && entry.blob === blob ? entry.url : null;
}
import { useI18n } from '../../i18n/I18nProvider';

// pdf.js is large and only needed once someone opens a PDF: load it then, not at start-up.
const PdfViewer = lazy(() => import('./PdfViewer').then((m) => ({ default: m.PdfViewer })));

/**
 * Attachments with an in-app preview: PDFs drawn by pdf.js (Electron's built-in PDF viewer does
 * not load blob: URLs in a sandboxed iframe reliably), images inline; no network, no external viewer.
 */
export function AttachmentList({ attachments }: { attachments: AttachmentRow[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<AttachmentRow | null>(null);
  // PDFs are drawn by pdf.js from the bytes; only images (and downloads) need a URL.
  const url = useObjectUrl(open && open.mime !== 'application/pdf' ? open.blob : null);

  if (attachments.length === 0) return <p className="muted">{t.packets.noAttachments}</p>;

  return (
    <>
      <ul className="attachment-list">
        {attachments.map((attachment) => (
          <li key={attachment.key}>
            <span className="attachment-name">{attachment.name}</span>
            <span className="muted">{t.packets.size(attachment.size)}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => setOpen(open?.key === attachment.key ? null : attachment)}
            >
              {open?.key === attachment.key ? t.packets.closeAttachment : t.packets.openAttachment}
            </button>
          </li>
        ))}
      </ul>
      {open && open.mime === 'application/pdf' && (
        <div className="preview">
          <Suspense fallback={<p className="muted">{t.packets.loadingViewer}</p>}>
            <PdfViewer blob={open.blob} name={open.name} />
          </Suspense>
        </div>
      )}
      {open && url && open.mime !== 'application/pdf' && (
        <div className="preview" aria-label={open.name}>
          {open.mime.startsWith('image/') ? (
            <img src={url} alt={open.name} />
          ) : (
            <a href={url} download={open.name}>
              {open.name}
            </a>
          )}
        </div>
      )}
    </>
  );
}
