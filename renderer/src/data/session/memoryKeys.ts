/**
 * A device key held in memory, as the Platform's key custody does it, for repository tests in
 * Node: `pair` given, the key exists; null, `create` makes one on first use.
 */
import type { DeviceKeyInfo, KeyCustody } from '@shared/platform/Platform';
import { encodeBase64 } from '@shared/signing/base64';
import { generateKeyPair, signEd25519, type Ed25519KeyPair } from '@shared/signing/ed25519';
import { keyFingerprint } from '@shared/signing/hash';

export function memoryKeys(pair: Ed25519KeyPair | null = null): {
  keys: KeyCustody;
  pair(): Ed25519KeyPair;
} {
  let current = pair;
  const info = (): DeviceKeyInfo | null =>
    current && {
      algorithm: 'Ed25519',
      publicKey: encodeBase64(current.publicKey),
      fingerprint: keyFingerprint(current.publicKey),
      protection: 'passphrase',
      createdAt: '2026-11-20T08:00:00.000Z',
    };
  return {
    pair: () => current!,
    keys: {
      info: async () => info(),
      create: async () => {
        current ??= generateKeyPair();
        return info()!;
      },
      unlock: async () => undefined,
      sign: async (message) => {
        if (!current) throw new Error('no key');
        return signEd25519(message, current.seed);
      },
    },
  };
}
