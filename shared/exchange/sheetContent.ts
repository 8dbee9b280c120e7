import { canonicalBytes, canonicalize } from '../canonical/canonicalJson';
import { sha256Hex } from '../signing/hash';
import type { HeldSheet, IncomingSheet } from './types';

type Content = Pick<
  HeldSheet,
  'status' | 'scores' | 'vetoes' | 'vetoReasons' | 'comment' | 'conflictReason'
>;

/**
 * What a sheet says, without the incidental: an unticked veto is the same as an absent one, and
 * a reason for an unticked veto is not part of the verdict. Two laptops that store the same
 * verdict slightly differently must not produce a conflict for the chair.
 */
export function sheetContent(sheet: Content): Record<string, unknown> {
  const vetoes: Record<string, boolean> = {};
  const vetoReasons: Record<string, string> = {};
  for (const [id, ticked] of Object.entries(sheet.vetoes)) {
    if (!ticked) continue;
    vetoes[id] = true;
    vetoReasons[id] = sheet.vetoReasons[id] ?? '';
  }
  return {
    status: sheet.status,
    scores: sheet.scores,
    vetoes,
    vetoReasons,
    comment: sheet.comment,
    conflictReason: sheet.status === 'conflict' ? sheet.conflictReason : '',
  };
}

export function sameContent(a: Content, b: Content): boolean {
  return canonicalize(sheetContent(a)) === canonicalize(sheetContent(b));
}

/**
 * A stable id for one incoming sheet version: the same sheet in the same file (or in a file
 * exported again unchanged) gets the same id, so re-importing never records a conflict twice.
 */
export function conflictId(
  roundId: string,
  expertId: string,
  sheet: Pick<IncomingSheet, 'packetId' | 'revision'> & Content,
): string {
  const hash = sha256Hex(canonicalBytes(sheetContent(sheet)));
  return `${roundId}:${sheet.packetId}:${expertId}:r${sheet.revision}:${hash.slice(0, 16)}`;
}
