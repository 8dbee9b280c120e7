import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';

/**
 * Inside the shadow root: the document's own styles (which docx-preview writes as <style>
 * elements there) cannot restyle the app, nor the app's the document. The page sits on the pane's
 * colour, as wide as the document's page where the pane has room and as wide as the pane
 * where it has not (the text then wraps to it).
 */
const SHADOW_CSS = `
:host { display: block; }
.docx-wrapper { background: #e8ebef !important; padding: 12px !important; }
.docx-wrapper > section.docx { max-width: 100%; box-sizing: border-box;
  margin-bottom: 12px !important; box-shadow: 0 0 0 1px #c5ccd6 !important; }
a.format-link { color: inherit; text-decoration: underline dotted; cursor: help; }
`;

/**
 * External links lose their href (the address stays readable as a tooltip): a click on a link in
 * an applicant's document must not open anything. Links within the document keep working.
 */
function disarmLinks(root: ShadowRoot) {
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#') && href.length > 1) continue;
    link.removeAttribute('href');
    link.classList.add('format-link');
    if (href) link.setAttribute('title', href);
  }
}

/**
 * A .docx laid out by docx-preview (loaded on first use) into a shadow root. The bytes have
 * passed the guarded ZIP reader already. No script of the document runs: docx-preview builds
 * DOM nodes from the XML, embedded HTML chunks (altChunk, which it would put in an iframe) are
 * left out, and images and fonts become data: URLs, which the CSP allows for images and fonts.
 */
export function DocxViewer({
  bytes,
  onFailed,
}: {
  bytes: Uint8Array;
  onFailed: (reason: string) => void;
}) {
  const { t } = useI18n();
  const hostRef = useRef<HTMLDivElement>(null);
  const [rendering, setRendering] = useState(true);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    let cancelled = false;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const base = document.createElement('style');
    base.textContent = SHADOW_CSS;
    const styles = document.createElement('div');
    const body = document.createElement('div');
    root.replaceChildren(base, styles, body);
    setRendering(true);
    import('docx-preview')
      .then(({ renderAsync }) =>
        renderAsync(bytes, body, styles, {
          className: 'docx',
          inWrapper: true,
          ignoreWidth: false,
          ignoreHeight: true,
          breakPages: true,
          renderAltChunks: false,
          renderComments: false,
          renderChanges: false,
          useBase64URL: true,
          experimental: false,
          debug: false,
        }),
      )
      .then(() => {
        if (cancelled) return;
        disarmLinks(root);
        setRendering(false);
      })
      .catch((error: unknown) => {
        if (!cancelled) onFailed(error instanceof Error ? error.message : String(error));
      });
    // In-document links (bookmarks) scroll within the shadow root instead of changing the URL.
    const follow = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
      if (!link) return;
      event.preventDefault();
      const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
      root.getElementById(id)?.scrollIntoView({ block: 'start' });
    };
    root.addEventListener('click', follow);
    return () => {
      cancelled = true;
      root.removeEventListener('click', follow);
    };
  }, [bytes, onFailed]);

  return (
    <div className="format-docx">
      <p className="format-note">{rendering ? t.formats.docx.rendering : t.formats.docx.note}</p>
      <div className="format-docx-host" ref={hostRef} data-testid="format-docx" />
    </div>
  );
}
