import { describe, expect, it } from 'vitest';
import {
  openWithPassphrase,
  PassphraseError,
  sealWithPassphrase,
  SCRYPT_PARAMS,
  type PassphraseSealed,
} from './passphraseSeal';

const secret = new Uint8Array(
  Buffer.from('302e020100300506032b657004220420' + '11'.repeat(32), 'hex'),
);
const publicKey = new Uint8Array(32).fill(7);
// The production cost is used once below; the other cases only need the mechanics.
const cheap = { N: 2 ** 14, r: 8, p: 1 };

function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64');
}

describe('passphrase seal (scrypt + AES-256-GCM)', () => {
  it('round-trips with the production scrypt cost and records it', async () => {
    const sealed = await sealWithPassphrase(secret, '四川技能 评审 2026', publicKey);
    expect(sealed).toMatchObject({ kdf: 'scrypt', ...SCRYPT_PARAMS });
    expect(SCRYPT_PARAMS).toEqual({ N: 32768, r: 8, p: 1 });
    expect(Buffer.from(sealed.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    // Ciphertext plus the 16-byte tag; the plain bytes do not appear.
    expect(Buffer.from(sealed.sealed, 'base64')).toHaveLength(secret.length + 16);
    expect(sealed.sealed).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
    await expect(openWithPassphrase(sealed, '四川技能 评审 2026', publicKey)).resolves.toEqual(
      secret,
    );
  });

  it('uses a fresh salt and nonce every time', async () => {
    const a = await sealWithPassphrase(secret, 'correct horse', publicKey, cheap);
    const b = await sealWithPassphrase(secret, 'correct horse', publicKey, cheap);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.sealed).not.toBe(b.sealed);
  });

  it('treats the same passphrase typed in another Unicode form as the same', async () => {
    const sealed = await sealWithPassphrase(secret, 'café-口令-2026', publicKey, cheap);
    await expect(openWithPassphrase(sealed, 'cafe\u0301-口令-2026', publicKey)).resolves.toEqual(
      secret,
    );
  });

  it('refuses a wrong passphrase', async () => {
    const sealed = await sealWithPassphrase(secret, 'correct horse', publicKey, cheap);
    await expect(openWithPassphrase(sealed, 'correct horsE', publicKey)).rejects.toThrow(
      PassphraseError,
    );
    await expect(openWithPassphrase(sealed, 'correct horsE', publicKey)).rejects.toThrow(
      /口令不正确/,
    );
  });

  it.each<[string, (s: PassphraseSealed) => PassphraseSealed]>([
    ['a flipped ciphertext bit', (s) => ({ ...s, sealed: flipByte(s.sealed, 3) })],
    ['a flipped tag bit', (s) => ({ ...s, sealed: flipByte(s.sealed, secret.length + 5) })],
    ['another nonce', (s) => ({ ...s, iv: flipByte(s.iv, 0) })],
    ['another salt', (s) => ({ ...s, salt: flipByte(s.salt, 0) })],
    [
      'a truncated ciphertext',
      (s) => ({ ...s, sealed: Buffer.from(s.sealed, 'base64').subarray(0, 10).toString('base64') }),
    ],
  ])('refuses %s', async (_label, tamper) => {
    const sealed = await sealWithPassphrase(secret, 'correct horse', publicKey, cheap);
    await expect(openWithPassphrase(tamper(sealed), 'correct horse', publicKey)).rejects.toThrow(
      PassphraseError,
    );
  });

  it('refuses the sealed key under another public key (bound as associated data)', async () => {
    const sealed = await sealWithPassphrase(secret, 'correct horse', publicKey, cheap);
    await expect(
      openWithPassphrase(sealed, 'correct horse', new Uint8Array(32).fill(8)),
    ).rejects.toThrow(PassphraseError);
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    await expect(sealWithPassphrase(secret, '口令七个字符啊', publicKey, cheap)).rejects.toThrow(
      /至少需要 8 个字符/,
    );
  });
});
