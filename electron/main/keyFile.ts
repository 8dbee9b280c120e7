import { z } from 'zod';
import { parseJsonFile } from './jsonFile';

/**
 * device-key.json in the userData folder. Only the public half is readable; the private key is
 * PKCS#8 DER, encrypted by the OS key store (safeStorage) or sealed with a passphrase.
 */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

const common = {
  version: z.literal(1),
  algorithm: z.literal('Ed25519'),
  publicKey: base64.refine((value) => Buffer.from(value, 'base64').byteLength === 32, {
    message: 'public key must be 32 bytes',
  }),
  createdAt: z.iso.datetime(),
};

/**
 * Two protections: the OS key store (safeStorage ciphertext in encryptedPrivateKey), or, where
 * the OS has none, a passphrase (scrypt + AES-256-GCM, passphraseSeal.ts). Version stays 1: an
 * os-keystore file written before passphrases existed parses unchanged.
 */
export const deviceKeyFileSchema = z.discriminatedUnion('protection', [
  z.object({
    ...common,
    protection: z.literal('os-keystore'),
    encryptedPrivateKey: base64.min(1),
  }),
  z.object({
    ...common,
    protection: z.literal('passphrase'),
    passphrase: z.object({
      kdf: z.literal('scrypt'),
      // Bounds keep a doctored file from making main allocate gigabytes or spin for minutes.
      N: z
        .number()
        .int()
        .min(2 ** 14)
        .max(2 ** 20)
        .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
      r: z.number().int().min(1).max(16),
      p: z.number().int().min(1).max(4),
      salt: base64.min(1),
      iv: base64.min(1),
      sealed: base64.min(1),
    }),
  }),
]);

export type DeviceKeyFile = z.infer<typeof deviceKeyFileSchema>;

export function serializeDeviceKeyFile(file: DeviceKeyFile): string {
  return `${JSON.stringify(deviceKeyFileSchema.parse(file), null, 2)}\n`;
}

export type ParsedDeviceKeyFile = { ok: true; file: DeviceKeyFile } | { ok: false; reason: string };

export function parseDeviceKeyFile(text: string): ParsedDeviceKeyFile {
  const parsed = parseJsonFile(deviceKeyFileSchema, text);
  return parsed.ok ? { ok: true, file: parsed.value } : parsed;
}
