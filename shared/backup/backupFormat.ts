/**
 * The whole-round backup archive `review-desk/backup@1`: one line of JSON header, then the
 * AES-256-GCM ciphertext of the round's content. The key is derived from a passphrase with
 * PBKDF2-SHA256; the header is the additional authenticated data, so neither the header nor the
 * ciphertext can change without decryption failing. Pure: the WebCrypto object is passed in
 * (`globalThis.crypto` in the renderer and in Node ≥ 20), typed here as narrowly as it is used.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { decodeUtf8, parseJsonText } from '../formats/text';
import { decodeBase64, encodeBase64 } from '../signing/base64';

export const BACKUP_FORMAT = 'review-desk/backup@1';
/** Iterations written by this app (OWASP 2023 for PBKDF2-HMAC-SHA256). */
export const BACKUP_ITERATIONS = 600_000;
export { BACKUP_PASSPHRASE_MIN_LENGTH } from './passphrasePolicy';

export interface BackupLimits {
  /** Whole archive, header and ciphertext. */
  maxArchiveBytes: number;
  /** The JSON header line. */
  maxHeaderBytes: number;
  /** Fewer iterations than this are refused: a weak archive is a forged or broken one. */
  minIterations: number;
  /** More are refused: a reader must not be made to spin for minutes. */
  maxIterations: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_BACKUP_LIMITS: BackupLimits = {
  maxArchiveBytes: 1024 * MiB,
  maxHeaderBytes: 4096,
  minIterations: BACKUP_ITERATIONS,
  maxIterations: 10_000_000,
};

/** The parts of WebCrypto the archive uses. */
export interface BackupCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: {
    importKey(
      format: 'raw',
      keyData: Uint8Array<ArrayBuffer>,
      algorithm: string | { name: string },
      extractable: boolean,
      usages: ('deriveBits' | 'encrypt' | 'decrypt')[],
    ): Promise<unknown>;
    deriveBits(
      algorithm: {
        name: 'PBKDF2';
        hash: 'SHA-256';
        salt: Uint8Array<ArrayBuffer>;
        iterations: number;
      },
      baseKey: never,
      length: number,
    ): Promise<ArrayBuffer>;
    encrypt(
      algorithm: {
        name: 'AES-GCM';
        iv: Uint8Array<ArrayBuffer>;
        additionalData: Uint8Array<ArrayBuffer>;
      },
      key: never,
      data: Uint8Array<ArrayBuffer>,
    ): Promise<ArrayBuffer>;
    decrypt(
      algorithm: {
        name: 'AES-GCM';
        iv: Uint8Array<ArrayBuffer>;
        additionalData: Uint8Array<ArrayBuffer>;
      },
      key: never,
      data: Uint8Array<ArrayBuffer>,
    ): Promise<ArrayBuffer>;
  };
}

const base64Bytes = (length: number) =>
  z.string().refine((text) => {
    try {
      return decodeBase64(text).length === length;
    } catch {
      return false;
    }
  }, `应为 ${length} 字节的 base64`);

export const backupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    kdf: z
      .object({
        name: z.literal('PBKDF2-SHA256'),
        iterations: z.number().int(),
        salt: base64Bytes(16),
        /** 16 bytes derived after the key: tells a wrong passphrase from a damaged archive. */
        check: base64Bytes(16),
      })
      .strict(),
    cipher: z.object({ name: z.literal('AES-256-GCM'), iv: base64Bytes(12) }).strict(),
    roundId: z.string().min(1).max(64),
    roundTitle: z.string().max(300),
    createdAt: z.string().max(40),
    generator: z.string().max(100),
  })
  .strict();

export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** What the header says, readable without the passphrase (shown before a restore). */
export type BackupInfo = Pick<BackupHeader, 'roundId' | 'roundTitle' | 'createdAt' | 'generator'>;

export type BackupFailure = {
  ok: false;
  kind: 'unreadable' | 'wrong-passphrase' | 'damaged';
  message: string;
};

const NEWLINE = 0x0a;
export const utf8Bytes = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(utf8ToBytes(text));

async function deriveKey(
  crypto: BackupCrypto,
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<{ key: unknown; check: Uint8Array }> {
  const base = await crypto.subtle.importKey(
    'raw',
    utf8Bytes(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      base as never,
      48 * 8,
    ),
  );
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { key, check: bits.slice(32) };
}

export interface SealOptions {
  crypto: BackupCrypto;
  info: BackupInfo;
  /** Only tests write fewer (and must read with matching limits). */
  iterations?: number;
}

/** Encrypt `plaintext` into an archive. */
export async function sealBackup(
  plaintext: Uint8Array,
  passphrase: string,
  options: SealOptions,
): Promise<Uint8Array> {
  const { crypto } = options;
  const iterations = options.iterations ?? BACKUP_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const { key, check } = await deriveKey(crypto, passphrase, salt, iterations);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    kdf: {
      name: 'PBKDF2-SHA256',
      iterations,
      salt: encodeBase64(salt),
      check: encodeBase64(check),
    },
    cipher: { name: 'AES-256-GCM', iv: encodeBase64(iv) },
    roundId: options.info.roundId,
    roundTitle: options.info.roundTitle,
    createdAt: options.info.createdAt,
    generator: options.info.generator,
  };
  const headerBytes = utf8Bytes(JSON.stringify(header));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: headerBytes },
      key as never,
      new Uint8Array(plaintext),
    ),
  );
  const out = new Uint8Array(headerBytes.length + 1 + ciphertext.length);
  out.set(headerBytes, 0);
  out[headerBytes.length] = NEWLINE;
  out.set(ciphertext, headerBytes.length + 1);
  return out;
}

type HeaderRead =
  { ok: true; header: BackupHeader; headerBytes: Uint8Array; body: Uint8Array } | BackupFailure;

const unreadable = (message: string): BackupFailure => ({ ok: false, kind: 'unreadable', message });

/** Read the header line only; no passphrase needed. */
export function readBackupHeader(
  bytes: Uint8Array,
  limits: BackupLimits = DEFAULT_BACKUP_LIMITS,
): HeaderRead {
  if (bytes.length === 0) return unreadable('文件是空的（0 字节），不是评审台备份');
  if (bytes.length > limits.maxArchiveBytes) {
    return unreadable(
      `备份文件过大（超过 ${Math.round(limits.maxArchiveBytes / MiB)} MB），已拒绝`,
    );
  }
  const end = bytes.subarray(0, limits.maxHeaderBytes + 1).indexOf(NEWLINE);
  if (end < 0) return unreadable('不是评审台备份文件（找不到文件头）');
  const headerBytes = bytes.subarray(0, end);
  const text = decodeUtf8(headerBytes);
  if (text === null) return unreadable('不是评审台备份文件（文件头不是 UTF-8）');
  const json = parseJsonText(text, 'backup');
  if (!json.ok) {
    const { field, message } = json.problem;
    return unreadable(`不是评审台备份文件（文件头${field ? ` › ${field}` : ''}：${message}）`);
  }
  const raw = json.value;
  if (
    typeof raw === 'object' &&
    raw !== null &&
    'format' in raw &&
    typeof raw.format === 'string' &&
    raw.format !== BACKUP_FORMAT
  ) {
    return unreadable(`不支持的备份格式“${raw.format.slice(0, 60)}”，请用新版评审台恢复`);
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return unreadable(
      `备份文件头已损坏（${issue?.path.join('.') ?? ''}：${issue?.message ?? ''}）`,
    );
  }
  const { iterations } = parsed.data.kdf;
  if (iterations < limits.minIterations || iterations > limits.maxIterations) {
    return unreadable(
      `备份文件头中的密钥派生次数 ${iterations} 不在 ${limits.minIterations}–${limits.maxIterations} 之间，已拒绝`,
    );
  }
  const body = bytes.subarray(end + 1);
  if (body.length < 16)
    return { ok: false, kind: 'damaged', message: '备份文件已损坏（内容不完整）' };
  return { ok: true, header: parsed.data, headerBytes, body };
}

/** Decrypt an archive. A wrong passphrase and a damaged archive are told apart where possible. */
export async function openBackup(
  bytes: Uint8Array,
  passphrase: string,
  options: { crypto: BackupCrypto; limits?: BackupLimits },
): Promise<{ ok: true; header: BackupHeader; plaintext: Uint8Array } | BackupFailure> {
  const read = readBackupHeader(bytes, options.limits);
  if (!read.ok) return read;
  const { header } = read;
  const salt = new Uint8Array(decodeBase64(header.kdf.salt));
  const { key, check } = await deriveKey(options.crypto, passphrase, salt, header.kdf.iterations);
  if (encodeBase64(check) !== header.kdf.check) {
    return {
      ok: false,
      kind: 'wrong-passphrase',
      message: '口令不正确，无法解开该备份（本机数据未作任何改动）',
    };
  }
  try {
    const plaintext = await options.crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: new Uint8Array(decodeBase64(header.cipher.iv)),
        additionalData: new Uint8Array(read.headerBytes),
      },
      key as never,
      new Uint8Array(read.body),
    );
    return { ok: true, header, plaintext: new Uint8Array(plaintext) };
  } catch {
    return {
      ok: false,
      kind: 'damaged',
      message: '备份文件已损坏或被修改（校验失败），无法恢复（本机数据未作任何改动）',
    };
  }
}
