import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

const RAW_KEY_BYTES = 32;

export interface GeneratedKeyPair {
  /** PKCS#8 DER of the private key: what gets encrypted at rest. */
  privateKeyPkcs8: Uint8Array;
  rawPublicKey: Uint8Array;
}

/** The 32 raw bytes of an Ed25519 key's public half, the form our formats carry. */
export function rawPublicKeyOf(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('Not an Ed25519 key');
  }
  const raw = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
  if (raw.byteLength !== RAW_KEY_BYTES) throw new Error('Ed25519 public key is not 32 bytes');
  return raw;
}

export function generateEd25519KeyPair(): GeneratedKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPkcs8: new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })),
    rawPublicKey: rawPublicKeyOf(publicKey),
  };
}

export function privateKeyFromPkcs8(pkcs8: Uint8Array): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('Not an Ed25519 private key');
  return key;
}

export function publicKeyFromRaw(rawPublicKey: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawPublicKey).toString('base64url') },
    format: 'jwk',
  });
}

/** Ed25519 hashes internally, hence the null digest. */
export function signEd25519(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, privateKey));
}

export function verifyEd25519(
  rawPublicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  return verify(null, message, publicKeyFromRaw(rawPublicKey), signature);
}
