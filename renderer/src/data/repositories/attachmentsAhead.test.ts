import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { buildDemoRound } from '@shared/demo/demoRound';
import { openDatabase } from '../db';
import {
  batchesOf,
  sweepOrphanAttachments,
  writeAttachmentsAhead,
  type PendingAttachment,
} from './attachmentsAhead';
import { countAttachmentBatches } from './attachmentBatchCounter';
import { checkAuditChain } from './auditLog';
import { importRound, storedRoundContent } from './roundRepository';

let counter = 0;
const freshDb = () => openDatabase(`ahead-test-${Date.now()}-${counter++}`);

const pending = (roundId: string, path: string, size: number): PendingAttachment => ({
  key: `${roundId}:${path}`,
  roundId,
  packetId: 'P1',
  name: path,
  path,
  sha256: 'x',
  size,
  mime: 'application/pdf',
  content: new Uint8Array(size).fill(size % 251),
});

describe('batchesOf', () => {
  it('fills batches up to the byte limit, in order, a larger attachment alone', () => {
    const rows = [10, 20, 30, 100, 5, 5].map((size, i) => pending('R', `a${i}`, size));
    const sizes = batchesOf(rows, 40).map((batch) => batch.map((row) => row.size));
    expect(sizes).toEqual([[10, 20], [30], [100], [5, 5]]);
    expect(batchesOf([], 40)).toEqual([]);
  });
});

describe('a large round: attachments written ahead of the round', () => {
  it('stores the same round as one transaction would, attachments byte for byte', async () => {
    const demo = buildDemoRound();
    const db = await freshDb();
    const batches = countAttachmentBatches(db);
    const outcome = await importRound(db, demo, 'demo.zip', { batchBytes: 2000 });
    batches.stop();
    expect(outcome).toEqual({ kind: 'imported', roundId: demo.round.id });
    expect(batches.count()).toBeGreaterThan(1);
    expect((await storedRoundContent(db, demo.round.id))?.packets).toHaveLength(
      demo.packets.length,
    );
    expect(await db.attachments.count()).toBe(demo.attachments.size);
    for (const [path, bytes] of demo.attachments) {
      const row = await db.attachments.get(`${demo.round.id}:${path}`);
      expect(row?.blob.type).toBe(row?.mime);
      expect(new Uint8Array(await row!.blob.arrayBuffer())).toEqual(bytes);
    }
    expect(await checkAuditChain(db, demo.round.id)).toMatchObject({ intact: true });
  });

  it('leaves nothing behind when the round itself cannot be stored', async () => {
    const demo = buildDemoRound();
    const db = await freshDb();
    // Two packets with one id: adding the packets fails after the attachments were written.
    const broken = { ...demo, packets: [...demo.packets, { ...demo.packets[0]! }] };
    await expect(importRound(db, broken, 'demo.zip', { batchBytes: 2000 })).rejects.toThrow();
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    // And the package itself still imports afterwards.
    expect((await importRound(db, demo, 'demo.zip', { batchBytes: 2000 })).kind).toBe('imported');
  });

  it('refuses to store the round when rows written ahead went missing meanwhile', async () => {
    const demo = buildDemoRound();
    const db = await freshDb();
    const original = db.transaction.bind(db);
    // Just before the round's own transaction (the one over many tables), a row disappears, as
    // if a window without Web Locks had swept at its start.
    db.transaction = ((...args: Parameters<typeof db.transaction>) => {
      if (!Array.isArray(args[1])) return original(...args);
      return (async () => {
        const [key] = await db.attachments.where('roundId').equals(demo.round.id).primaryKeys();
        if (key !== undefined) await db.attachments.delete(key);
        return original(...args);
      })();
    }) as typeof db.transaction;
    await expect(importRound(db, demo, 'demo.zip', { batchBytes: 2000 })).rejects.toThrow(
      /附件没有全部写入/,
    );
    db.transaction = original;
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('an interrupted import’s rows are swept; stored rounds keep theirs', async () => {
    const demo = buildDemoRound();
    const db = await freshDb();
    await importRound(db, demo, 'demo.zip');
    const stored = await db.attachments.count();
    // What an import killed between its batches and its round leaves.
    await writeAttachmentsAhead(db, [pending('GONE', 'attachments/a.pdf', 10)], undefined, 4);
    await writeAttachmentsAhead(db, [pending('GONE2', 'attachments/b.pdf', 10)], undefined, 4);
    expect(await db.attachments.count()).toBe(stored + 2);
    expect(await sweepOrphanAttachments(db)).toBe(2);
    expect(await db.attachments.count()).toBe(stored);
    // Nothing left to remove: the sweep only reads (a write at every start is what exposed
    // Chromium's log-reuse corruption in the faults test; see sweepOrphanAttachments).
    const transaction = vi.spyOn(db, 'transaction');
    expect(await sweepOrphanAttachments(db)).toBe(0);
    expect(transaction.mock.calls.map((call) => call[0])).toEqual(['r']);
  });
});
