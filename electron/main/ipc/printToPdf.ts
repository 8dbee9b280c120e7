import type { BrowserWindow } from 'electron';
import type { PrintToPdfRequest, SaveOutcome } from '@shared/platform/Platform';
import { saveWithDialog } from './fileDialogs';
import { withPdfExtension } from './fileNames';

/** Renders the current view (summary, signature sheets) to A4 PDF, then asks where to save. */
export async function printToPdf(
  window: BrowserWindow,
  request: PrintToPdfRequest,
): Promise<SaveOutcome> {
  const pdf = await window.webContents.printToPDF({
    pageSize: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
  });
  return saveWithDialog(
    window,
    {
      title: '保存 PDF',
      suggestedName: withPdfExtension(request.suggestedName),
      filters: [{ name: 'PDF 文档 (*.pdf)', extensions: ['pdf'] }],
    },
    new Uint8Array(pdf),
  );
}
