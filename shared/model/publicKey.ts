import { z } from 'zod';
import { decodeBase64 } from '../signing/base64';

/** Raw Ed25519 public keys are 32 bytes. */
export const PUBLIC_KEY_BYTES = 32;

/** True when `text` is the one canonical padded base64 spelling of a 32-byte key. */
export function isCanonicalPublicKey(text: string): boolean {
  try {
    return decodeBase64(text).length === PUBLIC_KEY_BYTES;
  } catch {
    return false;
  }
}

/**
 * An expert's Ed25519 public key as written in round packages and expert-key files: standard
 * padded base64 of the raw 32 bytes, in its single canonical spelling (two spellings of one key
 * would let one key pass as two).
 */
export const publicKeySchema = z.string().refine(isCanonicalPublicKey, {
  message: `公钥必须是 ${PUBLIC_KEY_BYTES} 字节 Ed25519 公钥的标准 base64 编码（44 个字符，以 = 结尾）`,
});
