import { readFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import type { DeviceKeyInfo } from '@shared/platform/Platform';
import { writeFileAtomic } from './atomicWrite';
import { keyFingerprint } from '@shared/signing/hash';
import {
  generateEd25519KeyPair,
  privateKeyFromPkcs8,
  rawPublicKeyOf,
  signEd25519,
} from './ed25519';
import { IpcFailure } from './ipc/ipcFailure';
import { parseDeviceKeyFile, serializeDeviceKeyFile, type DeviceKeyFile } from './keyFile';
import {
  openWithPassphrase,
  PASSPHRASE_MIN_LENGTH,
  PassphraseError,
  sealWithPassphrase,
  SCRYPT_PARAMS,
  type ScryptParams,
} from './passphraseSeal';

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
  /**
   * The OS key store protects the key when there is one (a passphrase is then ignored); without
   * one, `passphrase` is required (code 'passphrase-required' otherwise).
   */
  create(options?: { passphrase?: string }): Promise<DeviceKeyInfo>;
  /** Opens a passphrase-protected key for this run of the app; a no-op for other keys. */
  unlock(passphrase: string): Promise<void>;
  /** The private key never leaves this object: callers get signatures, not keys. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export interface DeviceKeyCustodyOptions {
  filePath: string;
  secrets: SecretStore;
  now?: () => Date;
  /** scrypt cost; tests lower it, the app keeps the default (N=2^15, r=8, p=1). */
  scrypt?: ScryptParams;
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

export const PASSPHRASE_LOCKED_MESSAGE =
  '设备密钥由口令保护：请先输入口令解锁（每次启动评审台后需要输入一次）。';

const CORRUPT_MESSAGE =
  '设备密钥文件已损坏或格式不受支持，无法使用。请联系技术支持，不要自行删除该文件。';

export function createDeviceKeyCustody(options: DeviceKeyCustodyOptions): DeviceKeyCustody {
  const { filePath, secrets } = options;
  const now = options.now ?? (() => new Date());
  const scryptParams = options.scrypt ?? SCRYPT_PARAMS;
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

  /** The private key, checked against the public key the file tells others to trust. */
  function keyMatchingFile(pkcs8: Uint8Array, file: DeviceKeyFile): KeyObject {
    const key = privateKeyFromPkcs8(pkcs8);
    if (Buffer.from(rawPublicKeyOf(key)).toString('base64') !== file.publicKey) {
      throw new IpcFailure('key-corrupt', CORRUPT_MESSAGE);
    }
    return key;
  }

  async function openPassphraseKey(file: DeviceKeyFile, passphrase: string): Promise<KeyObject> {
    if (file.protection !== 'passphrase') throw new Error('not a passphrase-protected key');
    let pkcs8: Uint8Array;
    try {
      pkcs8 = await openWithPassphrase(
        file.passphrase,
        passphrase,
        Buffer.from(file.publicKey, 'base64'),
      );
    } catch (error) {
      if (error instanceof PassphraseError) throw new IpcFailure('wrong-passphrase', error.message);
      throw error;
    }
    return keyMatchingFile(pkcs8, file);
  }

  async function unlockWithKeystore(file: DeviceKeyFile): Promise<KeyObject> {
    if (file.protection !== 'os-keystore') {
      throw new IpcFailure('passphrase-locked', PASSPHRASE_LOCKED_MESSAGE);
    }
    let decrypted: { plainText: string; shouldReEncrypt: boolean };
    try {
      decrypted = await secrets.decrypt(Buffer.from(file.encryptedPrivateKey, 'base64'));
    } catch {
      throw new IpcFailure(
        'key-locked',
        '操作系统密钥库无法解密设备密钥（密钥库被锁定、已更换或拒绝访问）。',
      );
    }
    const key = keyMatchingFile(Buffer.from(decrypted.plainText, 'base64'), file);
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

    create: (options = {}) =>
      serial(async () => {
        const existing = await readKeyFile();
        if (existing !== null) return infoOf(existing);
        const problem = await secrets.problem();
        const pair = generateEd25519KeyPair();
        if (problem !== null) {
          const passphrase = options.passphrase;
          if (passphrase === undefined) throw new IpcFailure('passphrase-required', problem);
          if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) {
            throw new IpcFailure(
              'weak-passphrase',
              `口令至少需要 ${PASSPHRASE_MIN_LENGTH} 个字符。`,
            );
          }
          const file: DeviceKeyFile = {
            version: 1,
            algorithm: 'Ed25519',
            publicKey: Buffer.from(pair.rawPublicKey).toString('base64'),
            protection: 'passphrase',
            createdAt: now().toISOString(),
            passphrase: await sealWithPassphrase(
              pair.privateKeyPkcs8,
              passphrase,
              pair.rawPublicKey,
              scryptParams,
            ),
          };
          await writeKeyFile(file);
          // Whoever just chose the passphrase need not type it again to sign in this session.
          cachedKey = privateKeyFromPkcs8(pair.privateKeyPkcs8);
          return infoOf(file);
        }
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

    unlock: (passphrase) =>
      serial(async () => {
        const file = await readKeyFile();
        if (file === null) throw new IpcFailure('no-key', '尚未创建设备密钥。');
        if (file.protection !== 'passphrase') return;
        cachedKey = await openPassphraseKey(file, passphrase);
      }),

    sign: (message) =>
      serial(async () => {
        if (cachedKey === null) {
          const file = await readKeyFile();
          if (file === null) throw new IpcFailure('no-key', '尚未创建设备密钥，无法签名。');
          cachedKey = await unlockWithKeystore(file);
        }
        return signEd25519(cachedKey, message);
      }),
  };
}
