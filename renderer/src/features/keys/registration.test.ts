import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '@shared/signing/base64';
import { generateKeyPair } from '@shared/signing/ed25519';
import { keyFingerprint } from '@shared/signing/hash';
import { parsePublicKeyPem } from '@shared/signing/pem';
import { parseTrustedKeys } from '@shared/workbook';
import { registrationFileName, registrationJson, registrationPem } from './registration';

const pair = generateKeyPair();
const key = {
  algorithm: 'Ed25519' as const,
  publicKey: encodeBase64(pair.publicKey),
  fingerprint: keyFingerprint(pair.publicKey),
  protection: 'webcrypto-non-extractable' as const,
  createdAt: '2026-11-21T00:00:00.000Z',
};

describe('public key registration files', () => {
  it('writes a KEYS.json entry the verifier accepts', () => {
    const entry = JSON.parse(registrationJson('  成都秘书处 ', key)) as unknown;
    expect(entry).toEqual({ name: '成都秘书处', publicKey: key.publicKey });
    const parsed = parseTrustedKeys(JSON.stringify({ keys: [entry] }));
    expect(parsed.ok).toBe(true);
  });

  it('writes a PEM that parses back to the same key', () => {
    expect(parsePublicKeyPem(registrationPem(key))).toEqual(pair.publicKey);
  });

  it('names the file by the fingerprint', () => {
    expect(registrationFileName(key, 'pem')).toBe(
      `评审台公钥-${key.fingerprint.replace(/ /g, '')}.pem`,
    );
  });
});
