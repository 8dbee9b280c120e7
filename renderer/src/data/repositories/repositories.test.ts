import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase } from '../db';
import { auditForRound, checkAuditChain } from './auditLog';
import { importRound } from './roundRepository';
import {
  SheetLockedError,
  expertProgress,
  loadSheet,
  packetProgress,
  saveDraft,
  submitSheet,
} from './sheetRepository';
import { expertSession } from '../session/testSessions';

let counter = 0;
const freshDb = () => openDatabase(`repo-test-${Date.now()}-${counter++}`);

describe('importRound', () => {
  it('stores the round, packets, attachments, experts and all-to-all assignments', async () => {
    const db = await freshDb();
    const content = tinyRound();
    expect(await importRound(db, content, 'demo')).toEqual({ kind: 'imported', roundId: 'T-1' });
    expect(await db.packets.where('roundId').equals('T-1').count()).toBe(2);
    expect(await db.experts.where('roundId').equals('T-1').count()).toBe(3);
    expect(await db.assignments.where('roundId').equals('T-1').count()).toBe(6);
    const attachment = await db.attachments.get('T-1:attachments/P001/申报书.pdf');
    expect(attachment?.mime).toBe('application/pdf');
    expect(new Uint8Array(await attachment!.blob.arrayBuffer())).toEqual(
      content.attachments.get('attachments/P001/申报书.pdf'),
    );
    expect((await auditForRound(db, 'T-1')).map((a) => a.action)).toEqual(['round.import']);
  });

  it('stores attachments handed over as Blobs with the attachment’s type', async () => {
    const db = await freshDb();
    const content = tinyRound();
    // As the import worker hands them over: one typed by its entry name, one of another type.
    const attachments = new Map<string, Uint8Array | Blob>();
    for (const [path, bytes] of content.attachments) {
      const type = path.endsWith('P001/申报书.pdf') ? 'application/pdf' : 'text/plain';
      attachments.set(path, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    }
    await importRound(db, { ...content, attachments }, 'demo');
    for (const [path, bytes] of content.attachments) {
      const row = await db.attachments.get(`T-1:${path}`);
      expect(row?.blob.type).toBe(row?.mime);
      expect(new Uint8Array(await row!.blob.arrayBuffer())).toEqual(bytes);
    }
  });

  it('is a no-op the second time', async () => {
    const db = await freshDb();
    await importRound(db, tinyRound(), 'demo');
    expect(await importRound(db, tinyRound(), 'demo')).toEqual({
      kind: 'unchanged',
      roundId: 'T-1',
    });
    expect(await db.packets.count()).toBe(2);
    expect(await db.audit.count()).toBe(1);
  });

  it('stores nothing when an attachment is missing', async () => {
    const db = await freshDb();
    await importRound(db, tinyRound('KEEP'), 'demo');
    const broken = tinyRound('BROKEN');
    broken.attachments.delete('attachments/P002/申报书.pdf');
    await expect(importRound(db, broken, 'x.zip')).rejects.toThrow(/附件缺失/);
    expect(await db.rounds.toCollection().primaryKeys()).toEqual(['KEEP']);
    expect(await db.packets.where('roundId').equals('BROKEN').count()).toBe(0);
  });
});

describe('audit log', () => {
  it('chains every change and detects an entry edited or deleted behind the app’s back', async () => {
    const db = await freshDb();
    const { round } = tinyRound();
    await importRound(db, tinyRound(), 'demo');
    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
      inputs: { c1: '9', c2: '14' },
    });
    await submitSheet(db, await expertSession(db, 'T-1', 'e1'), round.rubric, 'T-1', 'P001', 'e1');
    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P002', 'e1', {
      inputs: { c1: '9', c2: '14' },
    });
    await submitSheet(db, await expertSession(db, 'T-1', 'e1'), round.rubric, 'T-1', 'P002', 'e1');
    expect(await checkAuditChain(db, 'T-1')).toMatchObject({ intact: true, entries: 3 });

    const [, second] = await auditForRound(db, 'T-1');
    await db.audit.update(second!.seq!, { actor: '别人' });
    expect(await checkAuditChain(db, 'T-1')).toMatchObject({ intact: false, brokenAt: 2 });

    await db.audit.update(second!.seq!, { actor: '王建国（e1）' });
    expect(await checkAuditChain(db, 'T-1')).toMatchObject({ intact: true });
    await db.audit.delete(second!.seq!);
    expect(await checkAuditChain(db, 'T-1')).toMatchObject({ intact: false, brokenAt: 2 });
  });
});

describe('scoring a sheet', () => {
  it('saves every change, validates on submit, then locks', async () => {
    const db = await freshDb();
    const { round } = tinyRound();
    await importRound(db, tinyRound(), 'demo');

    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
      inputs: { c1: '8.' },
    });
    let sheet = await loadSheet(db, 'T-1', 'P001', 'e1');
    expect(sheet.inputs).toEqual({ c1: '8.' });
    expect(sheet.scores).toEqual({});

    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
      inputs: { c1: '8.5' },
    });
    const missing = await submitSheet(
      db,
      await expertSession(db, 'T-1', 'e1'),
      round.rubric,
      'T-1',
      'P001',
      'e1',
    );
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.problems.map((p) => p.target)).toContainEqual({ kind: 'criterion', id: 'c2' });

    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
      inputs: { c1: '8.5', c2: '12' },
    });
    const done = await submitSheet(
      db,
      await expertSession(db, 'T-1', 'e1'),
      round.rubric,
      'T-1',
      'P001',
      'e1',
    );
    expect(done.ok).toBe(true);
    sheet = await loadSheet(db, 'T-1', 'P001', 'e1');
    expect(sheet).toMatchObject({ status: 'submitted', revision: 1, scores: { c1: 8.5, c2: 12 } });

    await expect(
      saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
        inputs: { c1: '1' },
      }),
    ).rejects.toBeInstanceOf(SheetLockedError);
    expect((await loadSheet(db, 'T-1', 'P001', 'e1')).scores).toEqual({ c1: 8.5, c2: 12 });
    expect((await auditForRound(db, 'T-1')).map((a) => a.action)).toEqual([
      'round.import',
      'sheet.submit',
    ]);
  });

  it('saves on the row the previous save returned, and falls back when the sheet changed since', async () => {
    const db = await freshDb();
    const { round } = tinyRound();
    await importRound(db, tinyRound(), 'demo');

    // Nothing stored yet (null), then each save based on the row the previous one returned.
    let stored = await saveDraft(
      db,
      await expertSession(db, 'T-1', 'e1'),
      'T-1',
      'P001',
      'e1',
      { inputs: { c1: '8' } },
      null,
    );
    stored = await saveDraft(
      db,
      await expertSession(db, 'T-1', 'e1'),
      'T-1',
      'P001',
      'e1',
      { inputs: { c1: '8.5' } },
      stored,
    );
    stored = await saveDraft(
      db,
      await expertSession(db, 'T-1', 'e1'),
      'T-1',
      'P001',
      'e1',
      { comment: '材料完整' },
      stored,
    );
    expect(await loadSheet(db, 'T-1', 'P001', 'e1')).toEqual(stored);
    expect(stored).toMatchObject({
      inputs: { c1: '8.5' },
      scores: { c1: 8.5 },
      comment: '材料完整',
    });

    // Changed behind the form's back: the change lands on what is stored, nothing is undone.
    await db.sheets.update(stored.key, { vetoReasons: { v1: '组长补充' } });
    const merged = await saveDraft(
      db,
      await expertSession(db, 'T-1', 'e1'),
      'T-1',
      'P001',
      'e1',
      { inputs: { c1: '9' } },
      stored,
    );
    expect(merged).toMatchObject({ inputs: { c1: '9' }, vetoReasons: { v1: '组长补充' } });
    expect(await loadSheet(db, 'T-1', 'P001', 'e1')).toEqual(merged);

    // Believed absent but created meanwhile (another window): merged too, not overwritten.
    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P002', 'e1', {
      comment: '另一窗口',
    });
    const second = await saveDraft(
      db,
      await expertSession(db, 'T-1', 'e1'),
      'T-1',
      'P002',
      'e1',
      { inputs: { c1: '7' } },
      null,
    );
    expect(second).toMatchObject({ inputs: { c1: '7' }, comment: '另一窗口' });

    // Submitted meanwhile: refused, and the optimistic write is rolled back.
    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
      inputs: { c1: '9', c2: '12' },
    });
    const draft = await loadSheet(db, 'T-1', 'P001', 'e1');
    expect(
      (
        await submitSheet(
          db,
          await expertSession(db, 'T-1', 'e1'),
          round.rubric,
          'T-1',
          'P001',
          'e1',
        )
      ).ok,
    ).toBe(true);
    await expect(
      saveDraft(
        db,
        await expertSession(db, 'T-1', 'e1'),
        'T-1',
        'P001',
        'e1',
        { inputs: { c1: '1' } },
        draft,
      ),
    ).rejects.toBeInstanceOf(SheetLockedError);
    expect(await loadSheet(db, 'T-1', 'P001', 'e1')).toMatchObject({
      status: 'submitted',
      scores: { c1: 9, c2: 12 },
    });
  });

  it('requires a comment for a low total and a reason for a ticked veto', async () => {
    const db = await freshDb();
    const { round } = tinyRound();
    await importRound(db, tinyRound(), 'demo');
    await saveDraft(db, await expertSession(db, 'T-1', 'e2'), 'T-1', 'P002', 'e2', {
      inputs: { c1: '2', c2: '3' },
      vetoes: { v1: true },
    });
    const outcome = await submitSheet(
      db,
      await expertSession(db, 'T-1', 'e2'),
      round.rubric,
      'T-1',
      'P002',
      'e2',
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problems.map((p) => p.target)).toEqual([
        { kind: 'veto', id: 'v1' },
        { kind: 'comment' },
      ]);
    }
  });

  it('counts progress per expert and per packet', async () => {
    const db = await freshDb();
    const { round } = tinyRound();
    await importRound(db, tinyRound(), 'demo');
    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
      inputs: { c1: '9', c2: '14' },
    });
    await submitSheet(db, await expertSession(db, 'T-1', 'e1'), round.rubric, 'T-1', 'P001', 'e1');
    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P002', 'e1', {
      inputs: { c1: '9' },
    });
    expect(await expertProgress(db, 'T-1', 'e1')).toEqual({
      total: 2,
      submitted: 1,
      conflicts: 0,
      toDo: 1,
    });
    expect(await expertProgress(db, 'T-1', 'e2')).toEqual({
      total: 2,
      submitted: 0,
      conflicts: 0,
      toDo: 2,
    });
    const progress = await packetProgress(db, 'T-1');
    expect(progress.get('P001')).toEqual({ assigned: 3, submitted: 1 });
    expect(progress.get('P002')).toEqual({ assigned: 3, submitted: 0 });
  });
});
