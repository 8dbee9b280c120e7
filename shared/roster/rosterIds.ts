/**
 * Ids for a roster's projects and for the round, the same every time the same roster is read.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256Hex } from '../signing/hash';
import type { Expert } from '../model/roundPackage';
import type { RosterTables } from './rosterTables';

/** A serial number as offices write them: 1 … 99999, no leading zero. */
const SERIAL = /^[1-9][0-9]{0,4}$/;

/**
 * When every filled id cell is a serial number (a 序号 column: 1, 2, 3 …), the ids to use
 * instead: `P` and the number zero-padded to the widest of them, at least three digits
 * (P001 … P120). Null when any cell holds a real code: those are kept as written.
 */
export function serialIds(values: readonly string[]): Map<string, string> | null {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length === 0 || !filled.every((v) => SERIAL.test(v))) return null;
  const width = Math.max(3, ...filled.map((v) => v.length));
  return new Map(filled.map((v) => [v, `P${v.padStart(width, '0')}`]));
}

/** Rows without blank rows and trailing blank cells: how a sheet is padded varies by format. */
function cellText(rows: readonly string[][]): string[][] {
  return rows
    .map((row) => {
      const cells = row.map((v) => v.trim());
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    })
    .filter((row) => row.length > 0);
}

/**
 * `RS-` and 12 hex digits of SHA-256 over the roster's cell text (and the experts typed in the
 * form): the same roster, saved again or converted to another format, gives the same round id.
 */
export function rosterRoundId(
  tables: RosterTables,
  extraExperts: readonly Omit<Expert, 'id'>[] = [],
): string {
  const content = JSON.stringify([
    cellText(tables.projects.rows),
    tables.experts ? cellText(tables.experts.rows) : null,
    extraExperts.map((e) => [e.name, e.org, e.city]),
  ]);
  return `RS-${sha256Hex(utf8ToBytes(content)).slice(0, 12).toUpperCase()}`;
}
