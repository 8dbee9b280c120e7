/**
 * Signing and hashing with node:crypto, as the desktop app's main process signs: native code,
 * several times faster than the pure-JavaScript primitives shared/ falls back on when it is
 * handed no platform (≈ 0.1 s saved on a 500-packet round's payload). Same bytes either way:
 * Ed25519 is deterministic, and the tests compare the two.
 */
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { publicKeyFromSeed } from '@shared/signing/ed25519';
import { privateKeyToPem } from '@shared/signing/pem';
import type { WorkbookSigner } from '@shared/workbook';

/** node:crypto's key for a raw seed, through the PKCS#8 PEM the CLI reads and writes anyway. */
const keyFromSeed = (seed: Uint8Array) =>
  createPrivateKey({ key: privateKeyToPem(seed), format: 'pem' });

export function nodeSigner(seed: Uint8Array): WorkbookSigner {
  const key = keyFromSeed(seed);
  return {
    publicKey: publicKeyFromSeed(seed),
    sign: (bytes) => new Uint8Array(sign(null, bytes, key)),
  };
}

export function nodeSha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The seed of an encrypted PKCS#8 PEM (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, as `openssl
 * pkcs8 -topk8 -v2 aes-256-cbc` and `keygen --passphrase-env` write it). Throws a Chinese
 * message for a wrong passphrase or a key that is not Ed25519.
 */
export function seedFromEncryptedPem(pem: string, passphrase: string): Uint8Array {
  let key;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch {
    throw new Error('无法解密私钥：口令不正确，或文件不是加密的 PKCS#8 私钥');
  }
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519' || typeof jwk.d !== 'string') {
    throw new Error('不是 Ed25519 私钥');
  }
  return new Uint8Array(Buffer.from(jwk.d, 'base64url'));
}

/** The seed as encrypted PKCS#8 PEM (PBES2: PBKDF2 and AES-256-CBC, as OpenSSL writes it). */
export function encryptedPemFromSeed(seed: Uint8Array, passphrase: string): string {
  return keyFromSeed(seed)
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    .toString();
}
