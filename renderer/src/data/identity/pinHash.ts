import { decodeBase64, encodeBase64 } from '@shared/signing/base64';

/**
 * Secrets (experts' PINs, the secretariat's passphrase) are stored as PBKDF2-SHA256 with a
 * random salt, computed natively by WebCrypto. A 4–8 digit PIN cannot resist a determined
 * offline attack whatever the hash; the slow hash makes copying the database less useful, and
 * the attempt limits in pinRepository and secretariatRepository are what stop guessing at the
 * keyboard.
 */
export const PIN_ITERATIONS = 600_000;
export const PIN_PATTERN = /^\d{4,8}$/;

export interface SecretHash {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  hash: string;
}

/** How a PIN is stored (the same shape as every secret). */
export type PinHash = SecretHash;

async function derive(secret: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashSecret(secret: string, iterations = PIN_ITERATIONS): Promise<SecretHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: encodeBase64(salt),
    hash: encodeBase64(await derive(secret, salt, iterations)),
  };
}

export async function secretMatches(secret: string, stored: SecretHash): Promise<boolean> {
  const derived = await derive(secret, decodeBase64(stored.salt), stored.iterations);
  const expected = decodeBase64(stored.hash);
  if (derived.length !== expected.length) return false;
  // Compare every byte so the time taken does not depend on where the first difference is.
  let difference = 0;
  for (let i = 0; i < derived.length; i += 1) difference |= derived[i]! ^ expected[i]!;
  return difference === 0;
}

/** Why a new PIN is not acceptable, or null. */
export function newPinProblem(pin: string, confirmation: string): string | null {
  if (!PIN_PATTERN.test(pin)) return 'PIN 须为 4 至 8 位数字';
  if (/^(\d)\1+$/.test(pin) || '0123456789'.includes(pin) || '9876543210'.includes(pin)) {
    return 'PIN 过于简单（如 1111、1234），请换一个';
  }
  if (pin !== confirmation) return '两次输入的 PIN 不一致';
  return null;
}

export const PASSPHRASE_MIN_LENGTH = 8;

/** Why a new secretariat passphrase is not acceptable, or null. */
export function newPassphraseProblem(passphrase: string, confirmation: string): string | null {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH)
    return `秘书处口令至少 ${PASSPHRASE_MIN_LENGTH} 个字符，请换一个更长的`;
  if (passphrase.trim() !== passphrase) return '秘书处口令的首尾不能是空格';
  if (/^(.)\1+$/u.test(passphrase)) return '秘书处口令过于简单（同一字符重复），请换一个';
  if (passphrase !== confirmation) return '两次输入的秘书处口令不一致';
  return null;
}
