import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Lowercase hex SHA-256, the form round packages use for attachment digests. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/**
 * Short, human-comparable key id (see DeviceKeyInfo.fingerprint): the first 16 hex digits of
 * SHA-256 over the raw 32-byte public key, in groups of four, e.g. `a1b2 c3d4 e5f6 0718`.
 * People read these aloud over the phone to confirm whose key signed a file.
 */
export function keyFingerprint(rawPublicKey: Uint8Array): string {
  return shortHash(sha256Hex(rawPublicKey));
}

/** The first 16 hex digits of a SHA-256 in groups of four, for people to compare and read out. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 16).match(/.{4}/g)!.join(' ');
}
