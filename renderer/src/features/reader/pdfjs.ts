import type * as PdfJsModule from 'pdfjs-dist';

export type PdfJs = typeof PdfJsModule;
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on first use and kept. Its worker is a file of our own bundle (no network, CSP
 * worker-src 'self'), and eval is switched off per document because the CSP forbids it.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  return pdfjsPromise;
}

/** Opens a PDF from its bytes, with nothing fetched: no fonts, CMaps or wasm from anywhere. */
export async function openPdf(blob: Blob): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  const data = new Uint8Array(await blob.arrayBuffer());
  return pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: false,
    useSystemFonts: true,
    stopAtErrors: false,
  }).promise;
}
