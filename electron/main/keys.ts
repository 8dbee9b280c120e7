import { readFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import type { DeviceKeyInfo } from '../../shared/platform/Platform';
import { writeFileAtomic } from './atomicWrite';
import { keyFingerprint } from '../../shared/signing/hash';
import {
  generateEd25519KeyPair,
  privateKeyFromPkcs8,
  rawPublicKeyOf,
  signEd25519,
} from './ed25519';
import { IpcFailure } from './ipc/ipcFailure';
import { parseDeviceKeyFile, serializeDeviceKeyFile, type DeviceKeyFile } from './keyFile';

/**
 * The OS key store as keys.ts needs it. The Electron side (safeStorage) lives in
 * safeStorageSecrets.ts, so this file runs, and is tested, under plain Node.
 */
export interface SecretStore {
  /** Null when secrets can be protected by the OS, otherwise a message for the user. */
  problem(): Promise<string | null>;
  encrypt(plainText: string): Promise<Uint8Array>;
  decrypt(cipherText: Uint8Array): Promise<{ plainText: string; shouldReEncrypt: boolean }>;
}

export interface DeviceKeyCustody {
  info(): Promise<DeviceKeyInfo | null>;
  create(): Promise<DeviceKeyInfo>;
  /** The private key never leaves this object: callers get signatures, not keys. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export interface DeviceKeyCustodyOptions {
  filePath: string;
  secrets: SecretStore;
  now?: () => Date;
}

function infoOf(file: DeviceKeyFile): DeviceKeyInfo {
  return {
    algorithm: 'Ed25519',
    publicKey: file.publicKey,
    fingerprint: keyFingerprint(Buffer.from(file.publicKey, 'base64')),
    protection: file.protection,
    createdAt: file.createdAt,
  };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

const CORRUPT_MESSAGE =
  '设备密钥文件已损坏或格式不受支持，无法使用。请联系技术支持，不要自行删除该文件。';

export function createDeviceKeyCustody(options: DeviceKeyCustodyOptions): DeviceKeyCustody {
  const { filePath, secrets } = options;
  const now = options.now ?? (() => new Date());
  let cachedKey: KeyObject | null = null;
  // create() and sign() both read-then-act on the file; one at a time keeps two quick clicks
  // from generating two keys.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readKeyFile(): Promise<DeviceKeyFile | null> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const parsed = parseDeviceKeyFile(text);
    if (!parsed.ok) throw new IpcFailure('key-corrupt', CORRUPT_MESSAGE);
    return parsed.file;
  }

  async function writeKeyFile(file: DeviceKeyFile): Promise<void> {
    // 0o600: the ciphertext is useless without the key store, but nobody else needs to read it.
    await writeFileAtomic(filePath, new TextEncoder().encode(serializeDeviceKeyFile(file)), {
      mode: 0o600,
    });
  }

  async function unlock(file: DeviceKeyFile): Promise<KeyObject> {
    let decrypted: { plainText: string; shouldReEncrypt: boolean };
    try {
      decrypted = await secrets.decrypt(Buffer.from(file.encryptedPrivateKey, 'base64'));
    } catch {
      throw new IpcFailure(
        'key-locked',
        '操作系统密钥库无法解密设备密钥（密钥库被锁定、已更换或拒绝访问）。',
      );
    }
    const key = privateKeyFromPkcs8(Buffer.from(decrypted.plainText, 'base64'));
    // The public key in the file is what others are told to trust; it must be this key's.
    if (Buffer.from(rawPublicKeyOf(key)).toString('base64') !== file.publicKey) {
      throw new IpcFailure('key-corrupt', CORRUPT_MESSAGE);
    }
    if (decrypted.shouldReEncrypt) {
      const encrypted = await secrets.encrypt(decrypted.plainText);
      await writeKeyFile({
        ...file,
        encryptedPrivateKey: Buffer.from(encrypted).toString('base64'),
      });
    }
    return key;
  }

  return {
    info: () =>
      serial(async () => {
        const file = await readKeyFile();
        return file === null ? null : infoOf(file);
      }),

    create: () =>
      serial(async () => {
        const existing = await readKeyFile();
        if (existing !== null) return infoOf(existing);
        const problem = await secrets.problem();
        // TODO(#6): offer a passphrase-protected key instead of refusing when there is no key store.
        if (problem !== null) throw new IpcFailure('no-keystore', problem);
        const pair = generateEd25519KeyPair();
        const encrypted = await secrets.encrypt(
          Buffer.from(pair.privateKeyPkcs8).toString('base64'),
        );
        const file: DeviceKeyFile = {
          version: 1,
          algorithm: 'Ed25519',
          publicKey: Buffer.from(pair.rawPublicKey).toString('base64'),
          protection: 'os-keystore',
          createdAt: now().toISOString(),
          encryptedPrivateKey: Buffer.from(encrypted).toString('base64'),
        };
        await writeKeyFile(file);
        return infoOf(file);
      }),

    sign: (message) =>
      serial(async () => {
        if (cachedKey === null) {
          const file = await readKeyFile();
          if (file === null) throw new IpcFailure('no-key', '尚未创建设备密钥，无法签名。');
          cachedKey = await unlock(file);
        }
        return signEd25519(cachedKey, message);
      }),
  };
}
