import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateKeyPairSync, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brandRoundPath } from '../../test/conformance/fixture';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  Base64Error,
  decodeBase64,
  encodeBase64,
  generateKeyPair,
  keyFingerprint,
  parsePrivateKeyPem,
  parsePublicKeyPem,
  privateKeyToPem,
  publicKeyFromSeed,
  publicKeyToPem,
  sha256Hex,
  signEd25519,
  verifyEd25519,
} from './index';

const FIXTURE_PEM = brandRoundPath('keys', 'secretariat.pem');

describe('base64', () => {
  it('matches node for arbitrary bytes and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it.each([
    'A',
    'AB=',
    'AB',
    'A===',
    '====',
    'AB==CD==',
    'AB\n==',
    'AB C',
    'QQ==\n',
    'ab-_',
    '中文AA',
  ])('rejects %j', (text) => {
    expect(() => decodeBase64(text)).toThrow(Base64Error);
  });

  it('rejects non-canonical padding bits (a second spelling of the same bytes)', () => {
    expect(decodeBase64('QQ==')).toEqual(new Uint8Array([0x41]));
    expect(() => decodeBase64('QR==')).toThrow(/非规范/);
    expect(() => decodeBase64('QUJ=')).toThrow(/非规范/);
  });

  it('decodes the empty string to no bytes', () => {
    expect(decodeBase64('')).toEqual(new Uint8Array());
  });
});

describe('hashes and fingerprints', () => {
  it('sha256Hex matches the FIPS 180-2 "abc" vector', () => {
    expect(sha256Hex(utf8ToBytes('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('keyFingerprint is the first 16 hex digits of SHA-256, grouped in fours', () => {
    const key = new Uint8Array(32).fill(7);
    const hex = sha256Hex(key);
    expect(keyFingerprint(key)).toBe(
      `${hex.slice(0, 4)} ${hex.slice(4, 8)} ${hex.slice(8, 12)} ${hex.slice(12, 16)}`,
    );
    expect(keyFingerprint(key)).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  });
});

describe('Ed25519', () => {
  const message = utf8ToBytes('评审台 签名测试 𪚥');

  it('round-trips sign and verify', () => {
    const { seed, publicKey } = generateKeyPair();
    expect(verifyEd25519(signEd25519(message, seed), message, publicKey)).toBe(true);
  });

  it('fails for a tampered message, a tampered signature and a wrong key', () => {
    const { seed, publicKey } = generateKeyPair();
    const signature = signEd25519(message, seed);
    const tampered = message.slice();
    tampered[0] = tampered[0]! ^ 1;
    expect(verifyEd25519(signature, tampered, publicKey)).toBe(false);
    const badSignature = signature.slice();
    badSignature[10] = badSignature[10]! ^ 0x80;
    expect(verifyEd25519(badSignature, message, publicKey)).toBe(false);
    expect(verifyEd25519(signature, message, generateKeyPair().publicKey)).toBe(false);
  });

  it('returns false (not an exception) for malformed keys and signatures', () => {
    const { seed, publicKey } = generateKeyPair();
    const signature = signEd25519(message, seed);
    expect(verifyEd25519(signature.subarray(0, 63), message, publicKey)).toBe(false);
    expect(verifyEd25519(signature, message, publicKey.subarray(0, 31))).toBe(false);
    expect(verifyEd25519(signature, message, new Uint8Array(32).fill(0xff))).toBe(false);
  });

  it('RFC 8032 test 1: empty message', () => {
    const seed = Uint8Array.from(
      Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'),
    );
    expect(Buffer.from(publicKeyFromSeed(seed)).toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect(Buffer.from(signEd25519(new Uint8Array(), seed)).toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('cross-checks with node:crypto in both directions', () => {
    const node = generateKeyPairSync('ed25519');
    const nodeSeed = parsePrivateKeyPem(
      node.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const nodePublic = parsePublicKeyPem(
      node.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    expect(publicKeyFromSeed(nodeSeed)).toEqual(nodePublic);

    // node signs, we verify
    const nodeSignature = new Uint8Array(sign(null, message, node.privateKey));
    expect(verifyEd25519(nodeSignature, message, nodePublic)).toBe(true);

    // we sign, node verifies (using a key object built from our PEM output)
    const ours = generateKeyPair();
    const ourSignature = signEd25519(message, ours.seed);
    const nodeView = createPublicKey(publicKeyToPem(ours.publicKey));
    expect(verify(null, message, nodeView, ourSignature)).toBe(true);
    // Ed25519 is deterministic: node with our private key gives the identical signature.
    const nodeWithOurKey = createPrivateKey(privateKeyToPem(ours.seed));
    expect(new Uint8Array(sign(null, message, nodeWithOurKey))).toEqual(ourSignature);
  });
});

describe('PEM', () => {
  it('parses the fixture secretariat key and rewrites it byte for byte', () => {
    const text = readFileSync(FIXTURE_PEM, 'utf8');
    const seed = parsePrivateKeyPem(text);
    expect(seed).toHaveLength(32);
    expect(privateKeyToPem(seed)).toBe(text.endsWith('\n') ? text : `${text}\n`);
    const nodePublic = createPublicKey(createPrivateKey(text))
      .export({ type: 'spki', format: 'der' })
      .subarray(12);
    expect(publicKeyFromSeed(seed)).toEqual(new Uint8Array(nodePublic));
  });

  it('tolerates CRLF line endings and surrounding text', () => {
    const pem = privateKeyToPem(new Uint8Array(32).fill(1)).replace(/\n/g, '\r\n');
    expect(parsePrivateKeyPem(`key for 秘书组\r\n${pem}`)).toEqual(new Uint8Array(32).fill(1));
  });

  it('parses the PKCS#8 v2 form with embedded public key, and checks it matches', () => {
    const seed = new Uint8Array(32).fill(3);
    const v2 = Buffer.concat([
      Buffer.from('3051020101300506032b657004220420', 'hex'),
      seed,
      Buffer.from('812100', 'hex'),
      publicKeyFromSeed(seed),
    ]);
    const pem = (der: Buffer) =>
      `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
    expect(parsePrivateKeyPem(pem(v2))).toEqual(seed);
    const wrongPublic = Buffer.from(v2);
    wrongPublic[82] = wrongPublic[82]! ^ 1;
    expect(() => parsePrivateKeyPem(pem(wrongPublic))).toThrow(/不匹配/);
  });

  it('refuses RSA keys, encrypted keys and public keys in place of private ones', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() =>
      parsePrivateKeyPem(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    ).toThrow(/不是 Ed25519 私钥/);
    expect(() =>
      parsePrivateKeyPem(
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----',
      ),
    ).toThrow(/已加密/);
    expect(() => parsePrivateKeyPem(publicKeyToPem(new Uint8Array(32)))).toThrow(/BEGIN/);
  });
});
