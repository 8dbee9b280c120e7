import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyEd25519 as nobleVerify } from '@shared/signing/ed25519';
import {
  generateEd25519KeyPair,
  privateKeyFromPkcs8,
  rawPublicKeyOf,
  signEd25519,
  verifyEd25519,
} from './ed25519';

const hex = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// RFC 8032 section 7.1, TEST 1.
const RFC_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC_SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
// PKCS#8 wrapper for an Ed25519 seed (RFC 8410): SEQUENCE { 0, AlgorithmIdentifier, OCTET STRING }.
const PKCS8_PREFIX = '302e020100300506032b657004220420';

describe('ed25519 on node:crypto', () => {
  it('matches the RFC 8032 test vector', () => {
    const key = privateKeyFromPkcs8(hex(PKCS8_PREFIX + RFC_SEED));
    expect(toHex(rawPublicKeyOf(key))).toBe(RFC_PUBLIC);
    expect(toHex(signEd25519(key, new Uint8Array()))).toBe(RFC_SIGNATURE);
  });

  it('round-trips a fresh key: sign, then verify with the raw public key', () => {
    const pair = generateEd25519KeyPair();
    expect(pair.rawPublicKey).toHaveLength(32);
    const message = new TextEncoder().encode('{"format":"review-desk/scores@1"}');
    const signature = signEd25519(privateKeyFromPkcs8(pair.privateKeyPkcs8), message);
    expect(signature).toHaveLength(64);
    expect(verifyEd25519(pair.rawPublicKey, message, signature)).toBe(true);
    // The domain code verifies with @noble/ed25519; both must agree on the same raw bytes.
    expect(nobleVerify(signature, message, pair.rawPublicKey)).toBe(true);
  });

  it('rejects a tampered message or a different key', () => {
    const pair = generateEd25519KeyPair();
    const other = generateEd25519KeyPair();
    const message = new Uint8Array([1, 2, 3]);
    const signature = signEd25519(privateKeyFromPkcs8(pair.privateKeyPkcs8), message);
    expect(verifyEd25519(pair.rawPublicKey, new Uint8Array([1, 2, 4]), signature)).toBe(false);
    expect(verifyEd25519(other.rawPublicKey, message, signature)).toBe(false);
  });

  it('generates different keys each time', () => {
    expect(toHex(generateEd25519KeyPair().rawPublicKey)).not.toBe(
      toHex(generateEd25519KeyPair().rawPublicKey),
    );
  });

  it('refuses a PKCS#8 key of another algorithm', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
    expect(() => privateKeyFromPkcs8(der)).toThrow(/Ed25519/);
  });
});
