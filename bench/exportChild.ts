/**
 * Export (figure 5), run in a child `node --trace-gc` process so that the JS heap's peak can be
 * read from V8's own GC trace (Node 20 cannot sample a busy thread's heap from outside).
 * Prints marker lines around the measured work and one `BENCH-RESULT {json}` line.
 */
import { writeFileSync, writeSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { generateKeyPair } from '@shared/signing/ed25519';
import {
  buildResultPayload,
  buildResultWorkbook,
  renderVisibleSheets,
  SHEET,
} from '@shared/workbook';

import { nodeSha256Hex, nodeSigner } from '../cli/nodeCrypto';
import { syntheticInput } from '../test/workbook/synthetic';

export interface ExportChildResult {
  ours: number[];
  baseline: number[];
  bytes: number;
  baselineBytes: number;
  detailRows: number;
  publicKey: string;
}

// Synchronous writes keep the markers in order with V8's trace lines on the same stdout.
const mark = (text: string) => writeSync(1, `BENCH-MARK ${text}\n`);

/** SheetJS alone: the same visible rows, default options, no signature, widths or frozen panes. */
function bareSheetJs(tables: ReturnType<typeof renderVisibleSheets>): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const table of tables) {
    const rows = [table.columns.map((c) => c.header), ...table.rows];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), table.name);
  }
  return new Uint8Array(
    XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
  );
}

export async function exportChild(argv: readonly string[]): Promise<void> {
  const [packets, experts, criteria, repeats, outFile] = argv;
  const input = syntheticInput(Number(packets), Number(experts), Number(criteria));
  const seed = generateKeyPair().seed;
  // Signed and hashed natively, as the desktop app's main process and the CLI do.
  const signer = nodeSigner(seed);
  const native = { sha256Hex: nodeSha256Hex };
  const tables = renderVisibleSheets(buildResultPayload(input));
  const result: ExportChildResult = {
    ours: [],
    baseline: [],
    bytes: 0,
    baselineBytes: 0,
    detailRows: tables.find((t) => t.name === SHEET.detail)?.rows.length ?? 0,
    publicKey: Buffer.from(signer.publicKey).toString('base64'),
  };
  let workbook: Uint8Array = new Uint8Array();
  // Warm-up of both (JIT), untimed and outside the memory window.
  await buildResultWorkbook(input, signer, native);
  bareSheetJs(tables);
  for (let i = 0; i < Number(repeats); i++) {
    // Alternate, so that drift in machine load hits both sides alike.
    mark('export-start');
    let start = performance.now();
    workbook = await buildResultWorkbook(input, signer, native);
    result.ours.push(performance.now() - start);
    mark(`export-end ${process.memoryUsage().heapUsed}`);
    start = performance.now();
    const bare = bareSheetJs(tables);
    result.baseline.push(performance.now() - start);
    result.baselineBytes = bare.length;
  }
  result.bytes = workbook.length;
  writeFileSync(outFile!, workbook);
  writeSync(1, `BENCH-RESULT ${JSON.stringify(result)}\n`);
}

/**
 * Peak heap in MiB inside the export windows: the largest "before" size of any GC there, or the
 * heap in use when the export ended, whichever is larger (a heap only shrinks by collecting).
 */
export function peakHeapFromTrace(stdout: string): number {
  let inside = false;
  let peak = 0;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('BENCH-MARK export-start')) inside = true;
    else if (line.startsWith('BENCH-MARK export-end')) {
      inside = false;
      peak = Math.max(peak, Number(line.split(' ')[2]) / 1048576);
    } else if (inside) {
      const gc =
        /(?:Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep|Minor Mark-Compact)[^\d]*([\d.]+) \(([\d.]+)\) ->/.exec(
          line,
        );
      if (gc) peak = Math.max(peak, Number(gc[1]));
    }
  }
  return peak;
}
