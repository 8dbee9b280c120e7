/**
 * The fingerprint of a compile result: lowercase hex SHA-256 of its RFC 8785 canonical JSON.
 * The chair's confirmation stores it, so the app can tell whether the results shown today are the
 * ones that were confirmed, and the central system can re-derive it from the same inputs.
 */
import { canonicalBytes } from '../canonical/canonicalJson';
import { sha256Hex } from '../signing/hash';
import type { CompileResult } from './types';

export function resultDigest(result: CompileResult): string {
  return sha256Hex(canonicalBytes(result));
}

/** 专家组意见 as the confirmation covers it: the packet and the words. */
export interface OpinionText {
  packetId: string;
  text: string;
}

/**
 * What the chair's confirmation covers: the compile result and the panel's opinions. Without
 * opinions it is resultDigest itself, so a confirmation made before opinions existed still
 * matches; with them, SHA-256 of the canonical JSON of both (opinions by packet id), so an
 * opinion changed after a reopening needs a new confirmation like a changed score.
 */
export function confirmedDigest(result: CompileResult, opinions: readonly OpinionText[]): string {
  const digest = resultDigest(result);
  if (opinions.length === 0) return digest;
  const sorted = [...opinions]
    .map(({ packetId, text }) => ({ packetId, text }))
    .sort((a, b) => (a.packetId < b.packetId ? -1 : a.packetId > b.packetId ? 1 : 0));
  return sha256Hex(canonicalBytes({ results: digest, opinions: sorted }));
}
