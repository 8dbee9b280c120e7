export { Base64Error, decodeBase64, encodeBase64 } from './base64';
export { keyFingerprint, sha256Hex } from './hash';
export {
  PUBLIC_KEY_LENGTH,
  SEED_LENGTH,
  SIGNATURE_LENGTH,
  generateKeyPair,
  publicKeyFromSeed,
  signEd25519,
  verifyEd25519,
  type Ed25519KeyPair,
} from './ed25519';
export {
  PemError,
  parsePrivateKeyPem,
  parsePublicKeyPem,
  privateKeyToPem,
  publicKeyToPem,
} from './pem';
