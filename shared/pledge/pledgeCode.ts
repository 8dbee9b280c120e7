/**
 * The check code printed on an expert's 承诺书: a short hash over what the paper states (round,
 * expert, 单位, 职称, the registered key's fingerprint, the check-in time). The audit log records
 * the same code when the 承诺书 is printed, so a signed sheet in the file can be matched to the
 * check-in it belongs to, and a sheet printed before the key was registered is told apart.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalize } from '../canonical/canonicalJson';
import { sha256Hex, shortHash } from '../signing/hash';

export interface PledgeFacts {
  roundId: string;
  roundTitle: string;
  expertId: string;
  name: string;
  org: string;
  title: string;
  /** The registered key's fingerprint, or null when none is registered yet. */
  fingerprint: string | null;
  /** ISO time of the check-in. */
  checkedInAt: string;
}

/** `a1b2 c3d4 e5f6 0718`: the first 16 hex digits of SHA-256 over the canonical facts. */
export function pledgeCode(facts: PledgeFacts): string {
  return shortHash(sha256Hex(utf8ToBytes(canonicalize(facts))));
}
