/**
 * A digest of what a round *says*, not of the zip that carried it: the same round re-zipped by
 * another tool (other timestamps, compression, entry order) is still the same round, and
 * re-importing it must change nothing. Attachments are covered through their SHA-256 in the
 * packets, which the reader has checked against the bytes.
 */
import { canonicalBytes } from '../canonical/canonicalJson';
import type { Packet, Round } from '../model/roundPackage';
import { sha256Hex } from '../signing/hash';

export function roundContentDigest(round: Round, packets: readonly Packet[]): string {
  const sorted = [...packets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sha256Hex(canonicalBytes({ round, packets: sorted }));
}
