import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyFingerprint } from '@shared/signing/hash';
import { verifyEd25519 } from './ed25519';
import { createDeviceKeyCustody, type SecretStore } from './keys';
import { parseDeviceKeyFile } from './keyFile';

/** Stands in for safeStorage: reversible, but visibly not the plain text. */
function fakeSecrets(options: { problem?: string } = {}) {
  const calls = { encrypt: 0, decrypt: 0 };
  const store: SecretStore & { calls: typeof calls; reEncrypt: boolean; failDecrypt: boolean } = {
    calls,
    reEncrypt: false,
    failDecrypt: false,
    problem: async () => options.problem ?? null,
    encrypt: async (plainText) => {
      calls.encrypt += 1;
      return new Uint8Array(Buffer.from(`sealed:${plainText}`).reverse());
    },
    decrypt: async (cipherText) => {
      calls.decrypt += 1;
      if (store.failDecrypt) throw new Error('keychain locked');
      const text = Buffer.from(cipherText).reverse().toString();
      if (!text.startsWith('sealed:')) throw new Error('not ours');
      return { plainText: text.slice('sealed:'.length), shouldReEncrypt: store.reEncrypt };
    },
  };
  return store;
}

let dir: string;
let filePath: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'review-desk-keys-'));
  filePath = path.join(dir, 'device-key.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fixedNow = () => new Date('2025-11-21T08:30:00.000Z');

describe('device key custody', () => {
  it('has no key until one is created', async () => {
    const keys = createDeviceKeyCustody({ filePath, secrets: fakeSecrets() });
    await expect(keys.info()).resolves.toBeNull();
    await expect(keys.sign(new Uint8Array([1]))).rejects.toMatchObject({ code: 'no-key' });
  });

  it('creates a key, stores only ciphertext, and reports it', async () => {
    const keys = createDeviceKeyCustody({ filePath, secrets: fakeSecrets(), now: fixedNow });
    const info = await keys.create();
    const raw = Buffer.from(info.publicKey, 'base64');
    expect(raw).toHaveLength(32);
    expect(info).toEqual({
      algorithm: 'Ed25519',
      publicKey: info.publicKey,
      fingerprint: keyFingerprint(raw),
      protection: 'os-keystore',
      createdAt: '2025-11-21T08:30:00.000Z',
    });
    expect(info.fingerprint).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    const text = await readFile(filePath, 'utf8');
    const parsed = parseDeviceKeyFile(text);
    expect(parsed.ok).toBe(true);
    // The PKCS#8 header of an Ed25519 key, base64: must not appear in the clear.
    expect(text).not.toContain('MC4CAQAwBQYDK2Vw');
    await expect(keys.info()).resolves.toEqual(info);
  });

  it('returns the existing key instead of creating a second one', async () => {
    const secrets = fakeSecrets();
    const keys = createDeviceKeyCustody({ filePath, secrets });
    const [first, second] = await Promise.all([keys.create(), keys.create()]);
    expect(second).toEqual(first);
    const third = await createDeviceKeyCustody({ filePath, secrets }).create();
    expect(third).toEqual(first);
    expect(secrets.calls.encrypt).toBe(1);
  });

  it('signs with the stored key: the signature verifies against the reported public key', async () => {
    const keys = createDeviceKeyCustody({ filePath, secrets: fakeSecrets() });
    const info = await keys.create();
    const message = new TextEncoder().encode('评分文件');
    const signature = await keys.sign(message);
    expect(signature).toHaveLength(64);
    expect(verifyEd25519(Buffer.from(info.publicKey, 'base64'), message, signature)).toBe(true);
  });

  it('survives a restart: a new custody object signs with the same key', async () => {
    const secrets = fakeSecrets();
    const info = await createDeviceKeyCustody({ filePath, secrets }).create();
    const later = createDeviceKeyCustody({ filePath, secrets });
    const message = new Uint8Array([9, 9, 9]);
    const signature = await later.sign(message);
    expect(verifyEd25519(Buffer.from(info.publicKey, 'base64'), message, signature)).toBe(true);
  });

  it('reports a locked key store as key-locked', async () => {
    const secrets = fakeSecrets();
    await createDeviceKeyCustody({ filePath, secrets }).create();
    secrets.failDecrypt = true;
    const keys = createDeviceKeyCustody({ filePath, secrets });
    await expect(keys.sign(new Uint8Array([1]))).rejects.toMatchObject({ code: 'key-locked' });
  });

  it('refuses a file whose public key is not that of the private key', async () => {
    const secrets = fakeSecrets();
    await createDeviceKeyCustody({ filePath, secrets }).create();
    const stored = JSON.parse(await readFile(filePath, 'utf8')) as Record<string, unknown>;
    stored.publicKey = Buffer.alloc(32, 1).toString('base64');
    await writeFile(filePath, JSON.stringify(stored));
    const keys = createDeviceKeyCustody({ filePath, secrets });
    await expect(keys.sign(new Uint8Array([1]))).rejects.toMatchObject({ code: 'key-corrupt' });
  });

  it('refuses a corrupt key file rather than replacing it', async () => {
    await writeFile(filePath, '{"version":1,');
    const keys = createDeviceKeyCustody({ filePath, secrets: fakeSecrets() });
    await expect(keys.info()).rejects.toMatchObject({ code: 'key-corrupt' });
    await expect(keys.create()).rejects.toMatchObject({ code: 'key-corrupt' });
    expect(await readFile(filePath, 'utf8')).toBe('{"version":1,');
  });

  it('re-encrypts when the key store asks for it, keeping the same key', async () => {
    const secrets = fakeSecrets();
    const info = await createDeviceKeyCustody({ filePath, secrets }).create();
    secrets.reEncrypt = true;
    await createDeviceKeyCustody({ filePath, secrets }).sign(new Uint8Array([1]));
    expect(secrets.calls.encrypt).toBe(2);
    await expect(createDeviceKeyCustody({ filePath, secrets }).info()).resolves.toEqual(info);
  });
});

describe('device key custody with a passphrase (no OS key store)', () => {
  const passphrase = '评审台 口令 2026';
  const cheap = { N: 2 ** 14, r: 8, p: 1 };
  const noKeystore = () => fakeSecrets({ problem: '没有密钥库' });

  it('asks for a passphrase instead of creating a key in the clear, and writes nothing', async () => {
    const keys = createDeviceKeyCustody({ filePath, secrets: noKeystore(), scrypt: cheap });
    await expect(keys.create()).rejects.toMatchObject({
      code: 'passphrase-required',
      message: '没有密钥库',
    });
    await expect(keys.create({ passphrase: 'short' })).rejects.toMatchObject({
      code: 'weak-passphrase',
    });
    await expect(readFile(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('seals the key with the passphrase and signs at once in the creating session', async () => {
    const secrets = noKeystore();
    const keys = createDeviceKeyCustody({ filePath, secrets, scrypt: cheap, now: fixedNow });
    const info = await keys.create({ passphrase });
    expect(info.protection).toBe('passphrase');
    expect(secrets.calls.encrypt).toBe(0);
    const text = await readFile(filePath, 'utf8');
    expect(text).not.toContain('MC4CAQAwBQYDK2Vw');
    expect(parseDeviceKeyFile(text)).toMatchObject({
      ok: true,
      file: { protection: 'passphrase', passphrase: { kdf: 'scrypt', N: 2 ** 14, r: 8, p: 1 } },
    });
    const message = new Uint8Array([4, 2]);
    expect(
      verifyEd25519(Buffer.from(info.publicKey, 'base64'), message, await keys.sign(message)),
    ).toBe(true);
  });

  it('after a restart, refuses to sign until unlocked, refuses a wrong passphrase, then signs', async () => {
    const secrets = noKeystore();
    const info = await createDeviceKeyCustody({ filePath, secrets, scrypt: cheap }).create({
      passphrase,
    });
    const later = createDeviceKeyCustody({ filePath, secrets });
    await expect(later.info()).resolves.toEqual(info);
    await expect(later.sign(new Uint8Array([1]))).rejects.toMatchObject({
      code: 'passphrase-locked',
    });
    await expect(later.unlock('评审台 口令 2025')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await later.unlock(passphrase);
    const message = new Uint8Array([1]);
    expect(
      verifyEd25519(Buffer.from(info.publicKey, 'base64'), message, await later.sign(message)),
    ).toBe(true);
  });

  it('refuses a key file whose sealed key was tampered with', async () => {
    const secrets = noKeystore();
    await createDeviceKeyCustody({ filePath, secrets, scrypt: cheap }).create({ passphrase });
    const stored = JSON.parse(await readFile(filePath, 'utf8')) as {
      passphrase: { sealed: string };
    };
    const bytes = Buffer.from(stored.passphrase.sealed, 'base64');
    bytes[0] = bytes[0]! ^ 0x80;
    stored.passphrase.sealed = bytes.toString('base64');
    await writeFile(filePath, JSON.stringify(stored));
    const keys = createDeviceKeyCustody({ filePath, secrets });
    await expect(keys.unlock(passphrase)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(keys.sign(new Uint8Array([1]))).rejects.toMatchObject({
      code: 'passphrase-locked',
    });
  });

  it('uses the OS key store when there is one, ignoring a passphrase; unlock is then a no-op', async () => {
    const secrets = fakeSecrets();
    const keys = createDeviceKeyCustody({ filePath, secrets });
    const info = await keys.create({ passphrase });
    expect(info.protection).toBe('os-keystore');
    await keys.unlock('anything at all');
    await expect(keys.sign(new Uint8Array([1]))).resolves.toHaveLength(64);
  });
});
