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
  const hex = sha256Hex(rawPublicKey).slice(0, 16);
  return hex.match(/.{4}/g)!.join(' ');
}
