/**
 * Every target of the bench, in one place. A time is judged by its ratio to a baseline measured
 * in the same run (the fastest thing that does the same work, on the same machine at the same
 * moment): absolute times on a shared machine move by 2× from one day to the next, the ratios far
 * less. The absolute times are still printed beside each ratio. Memory keeps absolute caps: it
 * does not depend on how busy the machine is.
 */

export type Target =
  /** Our time divided by the baseline's must be at most this. */
  | { kind: 'ratio'; max: number }
  /** Our value must be below this (in the row's unit). */
  | { kind: 'below'; max: number };

const ratio = (max: number): Target => ({ kind: 'ratio', max });
const below = (max: number): Target => ({ kind: 'below', max });

export const TARGETS = {
  /** 导入评审包 → the packet list, against a bare bulkPut of the same rows and Blobs. */
  import: ratio(1.5),
  /** Route change → first rows, against a bare read of the same packet rows. */
  packetList: ratio(1.5),
  /**
   * Search as you type: the input event → the new matches drawn. Its baseline, a bare loop over
   * rows already in memory, does no rendering at all, so a ratio to it would mostly measure one
   * frame; the target is the time in which typing still feels immediate.
   */
  search: below(50),
  /** A keystroke → its strict-durability save committed, against a bare strict put of the row. */
  saveP50: ratio(2),
  saveP95: ratio(2),
  /** compileRound, against one loop adding up the same points. */
  compile: ratio(4),
  /** Compile with every score file checked against the round first, against compile alone. */
  compileValidated: ratio(1.1),
  /** The signed workbook, against SheetJS writing the same visible rows. */
  export: ratio(1.2),
  /** `review-desk verify` as a process, against SheetJS reading the same file. */
  verify: ratio(1.3),
  /** Start with the big round stored, against the same app on an empty database. */
  start: ratio(1.3),
  /** A 60-page PDF: click on its tab → page 1 drawn, against pdf.js opening and drawing it bare. */
  readerOpen: ratio(3),
  /** The same PDF: page jump → the page drawn, against pdf.js drawing that page bare. */
  readerJump: ratio(3),
  /** Peak JS heap during the import (page) and the export (Node). */
  importHeap: below(1024),
  exportHeap: below(1024),
} as const satisfies Record<string, Target>;
