import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';

// @noble/ed25519 v3 ships without a hash so it can stay tiny; wiring sha512 enables the sync API.
ed.hashes.sha512 = sha512;

export const SEED_LENGTH = 32;
export const PUBLIC_KEY_LENGTH = 32;
export const SIGNATURE_LENGTH = 64;

export interface Ed25519KeyPair {
  /** The 32-byte private seed (RFC 8032 "secret key"), as stored in PKCS#8. */
  seed: Uint8Array;
  publicKey: Uint8Array;
}

/** A fresh key pair from the platform's CSPRNG (crypto.getRandomValues). */
export function generateKeyPair(): Ed25519KeyPair {
  const seed = ed.utils.randomSecretKey();
  return { seed, publicKey: ed.getPublicKey(seed) };
}

export function publicKeyFromSeed(seed: Uint8Array): Uint8Array {
  assertLength(seed, SEED_LENGTH, '私钥');
  return ed.getPublicKey(seed);
}

export function signEd25519(message: Uint8Array, seed: Uint8Array): Uint8Array {
  assertLength(seed, SEED_LENGTH, '私钥');
  return ed.sign(message, seed);
}

/**
 * True only for a valid signature. Malformed keys or signatures give false rather than an
 * exception: to the caller they are all "this file was not signed by that key".
 * Strict RFC 8032 rules (zip215: false) so we accept exactly what OpenSSL/node:crypto accept;
 * the central system verifies the same bytes with those.
 */
export function verifyEd25519(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (signature.length !== SIGNATURE_LENGTH || publicKey.length !== PUBLIC_KEY_LENGTH) return false;
  try {
    return ed.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

function assertLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) {
    throw new Error(`${what}长度必须是 ${length} 字节，实际为 ${bytes.length} 字节`);
  }
}
