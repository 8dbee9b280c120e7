import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AttachmentRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';
import { START, type ViewState } from './viewState';
import './reader.css';

// pdf.js and the other formats' libraries are large and only needed once a file is opened.
const PdfView = lazy(() => import('./PdfView').then((m) => ({ default: m.PdfView })));
const FormatViewer = lazy(() =>
  import('./formats/FormatViewer').then((m) => ({ default: m.FormatViewer })),
);

export const isPdf = (attachment: AttachmentRow) =>
  attachment.mime === 'application/pdf' || /\.pdf$/i.test(attachment.name);

interface Props {
  attachments: AttachmentRow[];
  /** The packet's fields, shown as the first tab; without it a file is shown from the start. */
  details?: ReactNode;
}

const FULLSCREEN_CLASS = 'reader-fullscreen';

/**
 * The document side: a row of tabs (the packet's fields, then each attachment) above the open
 * file. Each file keeps its page and zoom while the pane lives, so switching back returns there.
 */
export function ReaderPane({ attachments, details }: Props) {
  const { t } = useI18n();
  // Without a fields tab the first PDF (the application itself, usually) opens at once.
  const [openKey, setOpenKey] = useState<string | null>(() =>
    details ? null : ((attachments.find(isPdf) ?? attachments[0])?.key ?? null),
  );
  const [fullscreen, setFullscreen] = useState(false);
  // Mutated in place: a file's place is read only when the file is opened again.
  const [places] = useState(() => new Map<string, ViewState>());
  const open = attachments.find((a) => a.key === openKey) ?? null;

  // Full screen: the header and the sheet are hidden (not unmounted: drafts and focus stay).
  useEffect(() => {
    if (!fullscreen) return undefined;
    document.documentElement.classList.add(FULLSCREEN_CLASS);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setFullscreen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.classList.remove(FULLSCREEN_CLASS);
      document.removeEventListener('keydown', onKey);
    };
  }, [fullscreen]);

  const remember = useCallback(
    (state: ViewState) => {
      if (openKey) places.set(openKey, state);
    },
    [openKey, places],
  );

  const fullscreenButton = (
    <button
      type="button"
      className="button"
      aria-pressed={fullscreen}
      title={fullscreen ? t.reader.exitFullscreenHint : undefined}
      onClick={() => setFullscreen((on) => !on)}
    >
      {fullscreen ? t.reader.exitFullscreen : t.reader.fullscreen}
    </button>
  );

  return (
    <section
      className={`reader-pane${fullscreen ? ' fullscreen' : ''}`}
      aria-label={t.reader.pane}
      data-testid="reader-pane"
    >
      <div className="reader-tabs" role="group" aria-label={t.reader.files}>
        {details && (
          <button
            type="button"
            className="reader-tab"
            aria-pressed={openKey === null}
            onClick={() => setOpenKey(null)}
          >
            {t.reader.details}
          </button>
        )}
        {attachments.map((attachment) => (
          <button
            key={attachment.key}
            type="button"
            className="reader-tab"
            aria-pressed={attachment.key === openKey}
            aria-label={t.reader.open(attachment.name)}
            title={t.packets.size(attachment.size)}
            onClick={() => setOpenKey(attachment.key)}
          >
            <span>{attachment.name}</span>
          </button>
        ))}
        {attachments.length === 0 && <span className="muted">{t.packets.noAttachments}</span>}
      </div>
      <div className="reader-body">
        {!open ? (
          <div className="reader-details">
            {details}
            {attachments.length > 0 && <p className="muted">{t.reader.pickFile}</p>}
          </div>
        ) : (
          <Suspense fallback={<p className="muted reader-message">{t.packets.loadingViewer}</p>}>
            {isPdf(open) ? (
              <PdfView
                key={open.key}
                blob={open.blob}
                name={open.name}
                initial={places.get(open.key) ?? START}
                onChange={remember}
                extraTools={fullscreenButton}
              />
            ) : (
              <div className="reader-format">
                <div className="reader-toolbar">{fullscreenButton}</div>
                <FormatViewer key={open.key} attachment={open} />
              </div>
            )}
          </Suspense>
        )}
      </div>
    </section>
  );
}
