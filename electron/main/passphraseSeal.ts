import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt,
  type ScryptOptions,
} from 'node:crypto';
import { PASSPHRASE_MIN_LENGTH } from '@shared/platform/Platform';

/**
 * The device key's protection where the OS offers no key store (Linux without a secret service,
 * where safeStorage would fall back to a hard-coded password): the private key is sealed with a
 * passphrase only its owner knows. scrypt (RFC 7914) stretches the passphrase, AES-256-GCM
 * encrypts and authenticates, so a wrong passphrase and a tampered file are both refused.
 */

/** Parameters written into the key file, so later versions can raise the cost and still read old files. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB of memory per attempt: slow enough for guessing, fine for a laptop. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

export { PASSPHRASE_MIN_LENGTH };

export interface PassphraseSealed {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64, 16 random bytes. */
  salt: string;
  /** base64, the 12-byte GCM nonce. */
  iv: string;
  /** base64 of ciphertext followed by the 16-byte GCM tag. */
  sealed: string;
}

/** Refused: the passphrase is wrong, or the sealed data (or what it is bound to) was altered. */
export class PassphraseError extends Error {
  override name = 'PassphraseError';
}

const KEY_BYTES = 32;
const TAG_BYTES = 16;

function deriveKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is exactly the working set at N=2^15, r=8, which it refuses.
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    // NFC: the same passphrase typed through different input methods must give the same key.
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Seal `plain` under `passphrase`. `boundTo` (e.g. the public key) is authenticated but not
 * encrypted: a sealed private key copied into another key file's record will not open there.
 */
export async function sealWithPassphrase(
  plain: Uint8Array,
  passphrase: string,
  boundTo: Uint8Array,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<PassphraseSealed> {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) {
    throw new PassphraseError(`口令至少需要 ${PASSPHRASE_MIN_LENGTH} 个字符。`);
  }
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(boundTo);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return {
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    sealed: sealed.toString('base64'),
  };
}

/** The plain bytes, or PassphraseError when the passphrase is wrong or anything was altered. */
export async function openWithPassphrase(
  record: PassphraseSealed,
  passphrase: string,
  boundTo: Uint8Array,
): Promise<Uint8Array> {
  const salt = Buffer.from(record.salt, 'base64');
  const iv = Buffer.from(record.iv, 'base64');
  const sealed = Buffer.from(record.sealed, 'base64');
  if (sealed.byteLength <= TAG_BYTES || iv.byteLength !== 12 || salt.byteLength < 16) {
    throw new PassphraseError('口令保护的密钥数据不完整。');
  }
  const key = await deriveKey(passphrase, salt, record);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(boundTo);
  decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG_BYTES));
  try {
    return new Uint8Array(
      Buffer.concat([
        decipher.update(sealed.subarray(0, sealed.byteLength - TAG_BYTES)),
        decipher.final(),
      ]),
    );
  } catch {
    // GCM cannot tell a wrong passphrase from altered data, and neither should the message.
    throw new PassphraseError('口令不正确，或密钥文件已被改动。');
  }
}
