import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  BackupTooLargeError,
  DEFAULT_BACKUP_LIMITS,
  estimatedArchiveBytes,
  readRoundBackup,
  writeRoundBackup,
  type BackupContent,
  type BackupCrypto,
} from '@shared/backup';
import { buildDemoRound } from '@shared/demo/demoRound';
import { openDatabase, type ReviewDeskDb } from '../db';
import { CURRENT_SCHEMA_VERSION, SAME_ROWS_SINCE_VERSION } from '../schema';
import { countAttachmentBatches } from './attachmentBatchCounter';
import { checkAuditChain } from './auditLog';
import { BackupContentError, collectRoundBackup, restoreRoundBackup } from './backupRepository';
import { declareConflict, savePanelSettings } from './panelRepository';
import { setPin } from './pinRepository';
import { checkInExpert } from './checkInRepository';
import { addSitePhoto, recordFinding, saveSiteNotes } from './inspectionRepository';
import { importRound } from './roundRepository';
import { saveDraft } from './sheetRepository';
import { expertSession, secretariat } from '../session/testSessions';

let counter = 0;
const freshDb = () => openDatabase(`backup-test-${Date.now()}-${counter++}`);
const crypto = globalThis.crypto as unknown as BackupCrypto;
const FAST = 1000;
const limits = { ...DEFAULT_BACKUP_LIMITS, minIterations: FAST };

/** Every row of every table, Blobs as bytes and `seq` dropped (it is per database). */
async function dump(db: ReviewDeskDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = await Promise.all(
      rows.map(async (row: Record<string, unknown>) => {
        const { seq: _seq, ...rest } = row;
        return rest.blob instanceof Blob
          ? { ...rest, blob: Array.from(new Uint8Array(await rest.blob.arrayBuffer())) }
          : rest;
      }),
    );
  }
  return out;
}

/** A demo round with work on it: a PIN, drafts, a 回避, panel settings. */
async function scoredDemo() {
  const db = await freshDb();
  const demo = buildDemoRound();
  await importRound(db, demo, 'demo');
  const roundId = demo.round.id;
  const [e1, e2] = demo.round.experts;
  await checkInExpert(db, secretariat(), roundId, e1!.id);
  await setPin(db, roundId, e1!.id, '2580', '2580', 1000);
  await saveDraft(
    db,
    await expertSession(db, roundId, e1!.id),
    roundId,
    demo.packets[0]!.id,
    e1!.id,
    { inputs: { a1: '8' }, comment: '好' },
  );
  await saveDraft(
    db,
    await expertSession(db, roundId, e2!.id),
    roundId,
    demo.packets[1]!.id,
    e2!.id,
    { inputs: { a1: '7.5' } },
  );
  await declareConflict(
    db,
    await expertSession(db, roundId, e2!.id),
    roundId,
    demo.packets[2]!.id,
    e2!.id,
    '同单位',
  );
  await savePanelSettings(db, secretariat(), roundId, { sameCityConflict: true, minSheets: 3 });
  // The field side too: a site note, a photo (a Blob), a finding.
  const site = demo.packets[0]!.id;
  await saveSiteNotes(db, secretariat(), roundId, site, '实训楼已启用');
  await addSitePhoto(db, secretariat(), {
    roundId,
    packetId: site,
    blob: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' }),
    name: '实训楼.png',
    source: 'file',
    takenAt: new Date('2026-11-20T02:00:00Z'),
  });
  await recordFinding(db, secretariat(), {
    roundId,
    packetId: site,
    severity: '一般',
    description: '消防通道堆放杂物',
    owner: '学校后勤处',
    dueDate: '2026-12-31',
  });
  return { db, demo, roundId };
}

async function roundTrip(content: BackupContent) {
  const bytes = await writeRoundBackup(content, 'passphrase-1', {
    crypto,
    iterations: FAST,
    info: {
      roundId: content.roundId,
      roundTitle: 't',
      createdAt: content.createdAt,
      generator: 't',
    },
  });
  const read = await readRoundBackup(bytes, 'passphrase-1', { crypto, limits });
  if (!read.ok) throw new Error(read.message);
  return { bytes, content: read.content };
}

describe('whole-round backup and restore', () => {
  it('restores every table of the round into a fresh database (the other laptop)', async () => {
    const { db, roundId } = await scoredDemo();
    const before = await dump(db);
    const { content } = await roundTrip(await collectRoundBackup(db, roundId));
    const laptop = await freshDb();
    expect(await restoreRoundBackup(laptop, content)).toEqual({ kind: 'restored', roundId });
    const after = await dump(laptop);
    // The same rows, plus one audit entry that records the restore and continues the chain.
    const restoreEntry = after.audit!.pop() as { action: string };
    expect(restoreEntry.action).toBe('round.restore');
    expect(after).toEqual(before);
    expect((await checkAuditChain(laptop, roundId)).intact).toBe(true);
  });

  it('restores a large round the same way with its attachments written ahead in batches', async () => {
    const { db, roundId } = await scoredDemo();
    const before = await dump(db);
    const { content } = await roundTrip(await collectRoundBackup(db, roundId));
    const laptop = await freshDb();
    const batches = countAttachmentBatches(laptop);
    expect(await restoreRoundBackup(laptop, content, { batchBytes: 2000 })).toEqual({
      kind: 'restored',
      roundId,
    });
    batches.stop();
    expect(batches.count()).toBeGreaterThan(1);
    const after = await dump(laptop);
    after.audit!.pop();
    expect(after).toEqual(before);
  });

  it('a large restore that fails leaves no attachment rows behind', async () => {
    const { db, roundId } = await scoredDemo();
    const { content } = await roundTrip(await collectRoundBackup(db, roundId));
    const laptop = await freshDb();
    const batches = countAttachmentBatches(laptop);
    // A packet twice: refused only by the restore's own transaction, after the batches.
    const duplicated = {
      ...content,
      tables: content.tables.map((t) =>
        t.name === 'packets' ? { ...t, rows: [...t.rows, t.rows[0]!] } : t,
      ),
    };
    await expect(
      restoreRoundBackup(laptop, duplicated as BackupContent, { batchBytes: 2000 }),
    ).rejects.toThrow();
    batches.stop();
    expect(batches.count()).toBeGreaterThan(1);
    for (const table of laptop.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('refuses, before reading any attachment, a round too large for one restorable archive', async () => {
    const { db, roundId } = await scoredDemo();
    // Every Blob the archive would carry: the attachments and the site photos.
    const bytes = [
      ...(await db.attachments.where('roundId').equals(roundId).toArray()),
      ...(await db.sitePhotos.where('roundId').equals(roundId).toArray()),
    ].reduce((sum, row) => sum + row.blob.size, 0);
    const limit = (maxArchiveBytes: number) => ({ ...DEFAULT_BACKUP_LIMITS, maxArchiveBytes });
    const at = new Date();
    await expect(
      collectRoundBackup(db, roundId, at, limit(estimatedArchiveBytes(bytes) - 1)),
    ).rejects.toBeInstanceOf(BackupTooLargeError);
    const content = await collectRoundBackup(db, roundId, at, limit(estimatedArchiveBytes(bytes)));
    expect(content.attachments.length).toBeGreaterThan(0);
  });

  it('never merges into a stored round: asks first, and replaces only when told to', async () => {
    const { db, demo, roundId } = await scoredDemo();
    const { content } = await roundTrip(await collectRoundBackup(db, roundId));
    await saveDraft(
      db,
      await expertSession(db, roundId, demo.round.experts[0]!.id),
      roundId,
      demo.packets[0]!.id,
      demo.round.experts[0]!.id,
      {
        inputs: { a1: '1' },
      },
    );
    const changed = await dump(db);
    expect(await restoreRoundBackup(db, content)).toMatchObject({ kind: 'exists', roundId });
    expect(await dump(db)).toEqual(changed);
    expect(
      await restoreRoundBackup(db, content, { replace: true, session: secretariat() }),
    ).toEqual({
      kind: 'restored',
      roundId,
    });
    const sheet = await db.sheets.get(
      `${roundId}:${demo.packets[0]!.id}:${demo.round.experts[0]!.id}`,
    );
    expect(sheet?.inputs).toEqual({ a1: '8' });
    expect((await checkAuditChain(db, roundId)).intact).toBe(true);
  });

  it('leaves another round untouched', async () => {
    const { db, roundId } = await scoredDemo();
    const content = (await roundTrip(await collectRoundBackup(db, roundId))).content;
    const other = await freshDb();
    const demo = buildDemoRound();
    demo.round.id = 'OTHER-1';
    await importRound(other, demo, 'demo');
    const before = await dump(other);
    await restoreRoundBackup(other, content);
    const after = await dump(other);
    for (const [name, rows] of Object.entries(before)) {
      for (const row of rows) expect(after[name]).toContainEqual(row);
    }
  });

  it('refuses content with rows of another round or a broken audit chain, writing nothing', async () => {
    const { db, roundId } = await scoredDemo();
    const content = await collectRoundBackup(db, roundId);
    const laptop = await freshDb();
    const empty = await dump(laptop);
    const foreign = structuredClone(content);
    foreign.tables.find((t) => t.name === 'sheets')!.rows[0]!.roundId = 'OTHER';
    await expect(restoreRoundBackup(laptop, foreign)).rejects.toBeInstanceOf(BackupContentError);
    const broken = structuredClone(content);
    broken.tables.find((t) => t.name === 'audit')!.rows[0]!.detail = '改过';
    await expect(restoreRoundBackup(laptop, broken)).rejects.toThrow(/审计记录链断裂/);
    const missing = structuredClone(content);
    // An attachment's bytes, not a site photo's (those are refused with their own message).
    missing.attachments.splice(
      missing.attachments.findIndex((a) => !a.key.startsWith('sitePhotos:')),
      1,
    );
    await expect(restoreRoundBackup(laptop, missing)).rejects.toThrow(/附件/);
    expect(await dump(laptop)).toEqual(empty);
  });

  it('restores a backup of an earlier version that holds the same rows, and refuses older and newer ones', async () => {
    const { db, roundId } = await scoredDemo();
    const content = await collectRoundBackup(db, roundId);
    // Written before version 10 dropped two indexes of assignments: the same rows.
    const earlier = { ...structuredClone(content), schemaVersion: SAME_ROWS_SINCE_VERSION };
    const laptop = await freshDb();
    expect(await restoreRoundBackup(laptop, earlier)).toEqual({ kind: 'restored', roundId });
    const after = await dump(laptop);
    expect(after.audit!.pop()).toMatchObject({ action: 'round.restore' });
    expect(after).toEqual(await dump(db));
    const other = await freshDb();
    const empty = await dump(other);
    for (const schemaVersion of [SAME_ROWS_SINCE_VERSION - 1, CURRENT_SCHEMA_VERSION + 1]) {
      await expect(
        restoreRoundBackup(other, { ...structuredClone(content), schemaVersion }),
      ).rejects.toBeInstanceOf(BackupContentError);
    }
    expect(await dump(other)).toEqual(empty);
  });

  it('restores a version 10 backup, written before 签到 had a table, with no expert checked in', async () => {
    const { db, roundId } = await scoredDemo();
    const content = await collectRoundBackup(db, roundId);
    expect(content.tables.find((t) => t.name === 'checkIns')!.rows).toHaveLength(1);
    const v10 = {
      ...structuredClone(content),
      schemaVersion: 10,
      tables: structuredClone(content.tables).filter((t) => t.name !== 'checkIns'),
    };
    const laptop = await freshDb();
    expect(await restoreRoundBackup(laptop, v10)).toEqual({ kind: 'restored', roundId });
    const { checkIns, ...after } = await dump(laptop);
    expect(checkIns).toEqual([]);
    after.audit!.pop();
    const { checkIns: held, ...before } = await dump(db);
    expect(held).toHaveLength(1);
    expect(after).toEqual(before);
  });

  it('a wrong passphrase or a flipped byte is refused before the database is touched', async () => {
    const { db, roundId } = await scoredDemo();
    const before = await dump(db);
    const { bytes } = await roundTrip(await collectRoundBackup(db, roundId));
    expect(await readRoundBackup(bytes, 'passphrase-2', { crypto, limits })).toMatchObject({
      ok: false,
      kind: 'wrong-passphrase',
    });
    const damaged = bytes.slice();
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0x40;
    expect(await readRoundBackup(damaged, 'passphrase-1', { crypto, limits })).toMatchObject({
      ok: false,
      kind: 'damaged',
    });
    expect(await dump(db)).toEqual(before);
  });
});
