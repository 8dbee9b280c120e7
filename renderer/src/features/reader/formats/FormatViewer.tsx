import { lazy, Suspense, useCallback, useEffect, useState, type JSX } from 'react';
import type { AttachmentRow } from '../../../data/rows';
import { useI18n } from '../../../i18n/I18nProvider';
import { START } from '../viewState';
import { FormatErrorBoundary } from './FormatErrorBoundary';
import type { OpenedAttachment } from './openAttachment';
import { openInWorker } from './openInWorker';
import { OtherFormat } from './OtherFormat';
import './formats.css';

// Each viewer, and the library it needs, loads only when a file of its kind is opened.
const ImageViewer = lazy(() => import('./ImageViewer').then((m) => ({ default: m.ImageViewer })));
const DocxViewer = lazy(() => import('./DocxViewer').then((m) => ({ default: m.DocxViewer })));
const SheetViewer = lazy(() => import('./SheetViewer').then((m) => ({ default: m.SheetViewer })));
const OfdViewer = lazy(() => import('./OfdViewer').then((m) => ({ default: m.OfdViewer })));
const TextViewer = lazy(() => import('./TextViewer').then((m) => ({ default: m.TextViewer })));
const PdfView = lazy(() => import('../PdfView').then((m) => ({ default: m.PdfView })));

interface Shown {
  attachment: AttachmentRow;
  bytes: Uint8Array;
  result: OpenedAttachment;
}

const keepNoPlace = () => undefined;

function Viewer({ shown, onFailed }: { shown: Shown; onFailed: (reason: string) => void }) {
  const { attachment, bytes, result } = shown;
  const opened = result.opened;
  switch (opened.view) {
    case 'pdf':
      // The reader opens PDFs by their name; one under another name is shown here, from the start.
      return (
        <PdfView
          blob={attachment.blob}
          name={attachment.name}
          initial={START}
          onChange={keepNoPlace}
          extraTools={null}
        />
      );
    case 'image':
      return <ImageViewer bytes={bytes} mime={opened.mime} name={attachment.name} />;
    case 'docx':
      return <DocxViewer bytes={opened.bytes} onFailed={onFailed} />;
    case 'sheets':
      return <SheetViewer sheets={opened.sheets} encoding={opened.encoding} />;
    case 'ofd':
      return <OfdViewer pages={opened.pages} totalPages={opened.totalPages} media={opened.media} />;
    case 'text':
      return (
        <TextViewer
          text={opened.text}
          encoding={opened.encoding}
          cutAt={opened.cutAt}
          size={bytes.length}
        />
      );
    case 'other':
      return <OtherFormat attachment={attachment} what={opened.what} />;
    case 'failed':
      return <OtherFormat attachment={attachment} reason={opened.reason} />;
  }
}

/**
 * Shows one attachment inside the app, offline: the kind is read from the bytes (a renamed file
 * is shown as what it is, and the name's promise is noted), containers pass the guarded ZIP
 * reader first, and a file that cannot be shown gets a message and 另存为. The reader pane
 * lazy-loads this and gives it a box: it fills the box's width and scrolls inside it.
 */
export function FormatViewer({ attachment }: { attachment: AttachmentRow }): JSX.Element {
  const { t } = useI18n();
  const f = t.formats;
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<{ attachment: AttachmentRow; reason: string } | null>(
    null,
  );

  useEffect(() => {
    const closed = new AbortController();
    (async () => {
      const bytes = new Uint8Array(await attachment.blob.arrayBuffer());
      const result = await openInWorker({ bytes, name: attachment.name }, closed.signal);
      if (!closed.signal.aborted) setShown({ attachment, bytes, result });
    })().catch((e: unknown) => {
      if (!closed.signal.aborted) {
        setFailure({ attachment, reason: e instanceof Error ? e.message : String(e) });
      }
    });
    return () => closed.abort();
  }, [attachment]);

  const onFailed = useCallback(
    (reason: string) => setFailure({ attachment, reason }),
    [attachment],
  );
  const current = shown?.attachment === attachment ? shown : null;
  const failed = failure?.attachment === attachment ? failure.reason : null;

  return (
    <div className="format-viewer" aria-label={attachment.name} data-testid="format-viewer">
      {failed !== null ? (
        <OtherFormat attachment={attachment} reason={failed} />
      ) : !current ? (
        <p className="format-note" role="status">
          {f.loading}
        </p>
      ) : (
        <>
          {current.result.misnamedAs && (
            <p className="format-note warn" role="note">
              {f.misnamed(current.result.misnamedAs)}
            </p>
          )}
          <FormatErrorBoundary
            key={attachment.key}
            fallback={(reason) => <OtherFormat attachment={attachment} reason={reason} />}
          >
            <Suspense fallback={<p className="format-note">{f.loading}</p>}>
              <Viewer shown={current} onFailed={onFailed} />
            </Suspense>
          </FormatErrorBoundary>
        </>
      )}
    </div>
  );
}
