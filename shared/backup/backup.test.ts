import { describe, expect, it } from 'vitest';
import {
  BACKUP_ITERATIONS,
  DEFAULT_BACKUP_LIMITS,
  readBackupHeader,
  BackupTooLargeError,
  estimatedArchiveBytes,
  readRoundBackup,
  writeRoundBackup,
  type BackupContent,
  type BackupCrypto,
} from './index';

const crypto = globalThis.crypto as unknown as BackupCrypto;
const info = {
  roundId: 'R1',
  roundTitle: '测试评审',
  createdAt: '2026-01-01T00:00:00Z',
  generator: 't',
};
const content: BackupContent = {
  roundId: 'R1',
  schemaVersion: 6,
  createdAt: '2026-01-01T00:00:00Z',
  tables: [
    { name: 'rounds', rows: [{ id: 'R1', title: '测试评审' }] },
    { name: 'sheets', rows: [{ key: 'R1:P1:e1', roundId: 'R1', inputs: { c1: '8' } }] },
  ],
  attachments: [
    {
      key: 'R1:attachments/a.pdf',
      sha256: '4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a',
      bytes: new Uint8Array([0x34]),
    },
  ],
};
// Tests below the first run with fewer iterations (and matching limits) to stay fast.
const FAST = 1000;
const fastLimits = { ...DEFAULT_BACKUP_LIMITS, minIterations: FAST };

describe('backup archive review-desk/backup@1', () => {
  it(`round-trips with the real ${BACKUP_ITERATIONS} PBKDF2 iterations`, async () => {
    const bytes = await writeRoundBackup(content, 'correct horse 电池', { crypto, info });
    const header = readBackupHeader(bytes);
    expect(header.ok && header.header.kdf.iterations).toBe(BACKUP_ITERATIONS);
    const read = await readRoundBackup(bytes, 'correct horse 电池', { crypto });
    expect(read.ok && read.content).toEqual(content);
  });

  it('refuses a wrong passphrase, saying so', async () => {
    const bytes = await writeRoundBackup(content, 'right-passphrase', {
      crypto,
      info,
      iterations: FAST,
    });
    const read = await readRoundBackup(bytes, 'wrong-passphrase', { crypto, limits: fastLimits });
    expect(read).toMatchObject({ ok: false, kind: 'wrong-passphrase' });
  });

  it('refuses every single flipped byte, in the header or the ciphertext', async () => {
    const bytes = await writeRoundBackup(content, 'right-passphrase', {
      crypto,
      info,
      iterations: FAST,
    });
    let refused = 0;
    const step = Math.max(1, Math.floor(bytes.length / 60));
    for (let i = 0; i < bytes.length; i += step) {
      const damaged = bytes.slice();
      damaged[i] = damaged[i]! ^ 0x01;
      const read = await readRoundBackup(damaged, 'right-passphrase', {
        crypto,
        limits: fastLimits,
      });
      expect(read.ok, `byte ${i}`).toBe(false);
      refused++;
    }
    expect(refused).toBeGreaterThan(50);
  });

  it('refuses a truncated archive, a foreign format and too few or too many iterations', async () => {
    const bytes = await writeRoundBackup(content, 'right-passphrase', {
      crypto,
      info,
      iterations: FAST,
    });
    expect(
      (
        await readRoundBackup(bytes.slice(0, -1), 'right-passphrase', {
          crypto,
          limits: fastLimits,
        })
      ).ok,
    ).toBe(false);
    expect(readBackupHeader(bytes).ok).toBe(false); // 1000 < 600 000
    expect(readBackupHeader(bytes, { ...fastLimits, maxIterations: FAST - 1 }).ok).toBe(false);
    expect(readBackupHeader(new TextEncoder().encode('{"format":"x/y@9"}\nabc'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('不支持的备份格式'),
    });
    expect(readBackupHeader(new Uint8Array())).toMatchObject({ ok: false, kind: 'unreadable' });
  });

  it('refuses an archive over the size limit and a header over its limit (boundary)', async () => {
    const bytes = await writeRoundBackup(content, 'right-passphrase', {
      crypto,
      info,
      iterations: FAST,
    });
    expect(readBackupHeader(bytes, { ...fastLimits, maxArchiveBytes: bytes.length }).ok).toBe(true);
    expect(readBackupHeader(bytes, { ...fastLimits, maxArchiveBytes: bytes.length - 1 }).ok).toBe(
      false,
    );
    const headerLength = bytes.indexOf(0x0a);
    expect(readBackupHeader(bytes, { ...fastLimits, maxHeaderBytes: headerLength }).ok).toBe(true);
    expect(readBackupHeader(bytes, { ...fastLimits, maxHeaderBytes: headerLength - 1 }).ok).toBe(
      false,
    );
  });

  it('refuses to write an archive that restore would refuse for its size, saying why', async () => {
    const attachment = (n: number): BackupContent => ({
      ...content,
      attachments: [
        { key: 'R1:attachments/a.pdf', sha256: '0'.repeat(64), bytes: new Uint8Array(n) },
      ],
    });
    const limits = { ...fastLimits, maxArchiveBytes: 10_000 };
    const write = (n: number) =>
      writeRoundBackup(attachment(n), 'right-passphrase', {
        crypto,
        info,
        iterations: FAST,
        limits,
      });
    // The estimate is a lower bound of the real size: what it lets through may still be refused
    // by restore only for the rows, never for the attachments alone.
    const fits = await write(6_000);
    expect(fits.length).toBeGreaterThan(estimatedArchiveBytes(6_000));
    await expect(write(7_500)).rejects.toBeInstanceOf(BackupTooLargeError);
    await expect(write(7_500)).rejects.toThrow(
      /附件共 7\.3 KB，加密备份将超过单个备份文件 9\.8 KB 的上限/,
    );
  });
});
