import { decodeBase64, encodeBase64 } from '../../../../shared/signing/base64';

/**
 * PINs are stored as PBKDF2-SHA256 with a random salt, computed natively by WebCrypto. A 4–8
 * digit PIN cannot resist a determined offline attack whatever the hash; the slow hash makes
 * copying the database less useful, and the attempt limit in pinRepository is what stops
 * guessing at the keyboard.
 */
export const PIN_ITERATIONS = 600_000;
export const PIN_PATTERN = /^\d{4,8}$/;

export interface PinHash {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  hash: string;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
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

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: encodeBase64(salt),
    hash: encodeBase64(await derive(pin, salt, iterations)),
  };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const derived = await derive(pin, decodeBase64(stored.salt), stored.iterations);
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
