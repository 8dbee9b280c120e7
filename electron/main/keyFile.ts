import { z } from 'zod';

/**
 * device-key.json in the userData folder. Only the public half is readable; the private key is
 * PKCS#8 DER, encrypted by the OS key store (safeStorage), base64 of the ciphertext.
 */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const deviceKeyFileSchema = z.object({
  version: z.literal(1),
  algorithm: z.literal('Ed25519'),
  publicKey: base64.refine((value) => Buffer.from(value, 'base64').byteLength === 32, {
    message: 'public key must be 32 bytes',
  }),
  // TODO(#6): 'passphrase' joins here when the signing issue adds passphrase-protected keys.
  protection: z.literal('os-keystore'),
  createdAt: z.iso.datetime(),
  encryptedPrivateKey: base64.min(1),
});

export type DeviceKeyFile = z.infer<typeof deviceKeyFileSchema>;

export function serializeDeviceKeyFile(file: DeviceKeyFile): string {
  return `${JSON.stringify(deviceKeyFileSchema.parse(file), null, 2)}\n`;
}

export type ParsedDeviceKeyFile = { ok: true; file: DeviceKeyFile } | { ok: false; reason: string };

export function parseDeviceKeyFile(text: string): ParsedDeviceKeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = deviceKeyFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join('; ') };
  }
  return { ok: true, file: parsed.data };
}
