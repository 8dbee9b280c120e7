import { describe, expect, it } from 'vitest';
import { parseDeviceKeyFile, serializeDeviceKeyFile, type DeviceKeyFile } from './keyFile';

const valid: DeviceKeyFile = {
  version: 1,
  algorithm: 'Ed25519',
  publicKey: Buffer.alloc(32, 7).toString('base64'),
  protection: 'os-keystore',
  createdAt: '2025-11-21T08:30:00.000Z',
  encryptedPrivateKey: Buffer.from('ciphertext').toString('base64'),
};

describe('device key file', () => {
  it('round-trips through its serialised form', () => {
    const text = serializeDeviceKeyFile(valid);
    expect(parseDeviceKeyFile(text)).toEqual({ ok: true, file: valid });
    expect(text.endsWith('\n')).toBe(true);
  });

  it('refuses to serialise an invalid record', () => {
    expect(() => serializeDeviceKeyFile({ ...valid, publicKey: 'AAAA' })).toThrow();
  });

  it.each<[string, unknown]>([
    ['a newer version', { ...valid, version: 2 }],
    ['another algorithm', { ...valid, algorithm: 'ECDSA' }],
    ['a short public key', { ...valid, publicKey: Buffer.alloc(31).toString('base64') }],
    ['a public key that is not base64', { ...valid, publicKey: '!'.repeat(44) }],
    ['a weak protection', { ...valid, protection: 'basic_text' }],
    ['no ciphertext', { ...valid, encryptedPrivateKey: '' }],
    ['a bad date', { ...valid, createdAt: 'yesterday' }],
    ['a missing field', { ...valid, encryptedPrivateKey: undefined }],
    ['an array', [valid]],
    ['null', null],
  ])('refuses %s', (_label, content) => {
    const parsed = parseDeviceKeyFile(JSON.stringify(content));
    expect(parsed.ok).toBe(false);
  });

  it('refuses text that is not JSON', () => {
    expect(parseDeviceKeyFile('{"version":1')).toEqual({ ok: false, reason: 'not JSON' });
  });
});
