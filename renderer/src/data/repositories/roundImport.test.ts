import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDemoRound } from '@shared/demo/demoRound';
import { readRoundPackage } from '@shared/formats/roundPackageReader';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { openDatabase, type ReviewDeskDb } from '../db';
import { auditForRound, checkAuditChain } from './auditLog';
import { listPackets } from './queries';
import {
  StaleUpdateError,
  applyRoundUpdate,
  importRound,
  packetFlagsForRound,
  planRoundImport,
  storedRoundContent,
} from './roundRepository';
import { saveDraft } from './sheetRepository';
import { expertSession, secretariat } from '../session/testSessions';
import { AccessDeniedError } from '../session/session';

let counter = 0;
const freshDb = () => openDatabase(`import-test-${Date.now()}-${counter++}`);

/** Everything stored, for "nothing changed" assertions (Blobs compared by content). */
async function dump(db: ReviewDeskDb) {
  const tables = await Promise.all(
    db.tables.map(async (t) => [t.name, await t.toArray()] as const),
  );
  const out: Record<string, unknown> = {};
  for (const [name, rows] of tables) {
    out[name] = await Promise.all(
      rows.map(async (row: Record<string, unknown>) =>
        row.blob instanceof Blob
          ? { ...row, blob: Array.from(new Uint8Array(await row.blob.arrayBuffer())) }
          : row,
      ),
    );
  }
  return out;
}

function readBack(bytes: Uint8Array) {
  const read = readRoundPackage(bytes, { fileName: 'demo.zip' });
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return read.value;
}

describe('round trip: demo → package → read → import → same data', () => {
  it('stores exactly what the package says, attachments byte for byte', async () => {
    const demo = buildDemoRound();
    const db = await freshDb();
    expect(await importRound(db, readBack(writeRoundPackage(demo)), 'demo.zip')).toEqual({
      kind: 'imported',
      roundId: demo.round.id,
    });
    const stored = await storedRoundContent(db, demo.round.id);
    expect(stored?.round).toEqual(demo.round);
    expect(stored?.packets.sort((a, b) => a.id.localeCompare(b.id))).toEqual(demo.packets);
    expect(stored?.row.revision).toBe(1);
    for (const [path, bytes] of demo.attachments) {
      const row = await db.attachments.get(`${demo.round.id}:${path}`);
      expect(new Uint8Array(await row!.blob.arrayBuffer())).toEqual(bytes);
    }
  });

  it('re-importing the same package, even re-zipped differently, changes nothing', async () => {
    const db = await freshDb();
    const demo = buildDemoRound();
    await importRound(db, readBack(writeRoundPackage(demo)), 'demo.zip');
    const before = await dump(db);
    // Same content, packets in another order: still the same round.
    const again = readBack(writeRoundPackage({ ...demo, packets: [...demo.packets].reverse() }));
    expect(await importRound(db, again, 'copy.zip')).toEqual({
      kind: 'unchanged',
      roundId: demo.round.id,
    });
    expect(await dump(db)).toEqual(before);
  });
});

describe('a newer version of a stored round', () => {
  async function scoredDemo() {
    const db = await freshDb();
    const demo = buildDemoRound();
    await importRound(db, demo, 'v1.zip');
    // Sheets on an unchanged (D01), a changed (D02) and a removed (D03) packet.
    for (const packetId of ['D01', 'D02', 'D03']) {
      await saveDraft(
        db,
        await expertSession(db, demo.round.id, 'E01'),
        demo.round.id,
        packetId,
        'E01',
        { inputs: { c1: '10' } },
      );
    }
    const next = buildDemoRound();
    next.packets[1]!.title = '更名后的项目';
    next.packets[1]!.fields['联系人'] = '新联系人';
    next.packets.splice(2, 1);
    next.packets.push({ ...next.packets[3]!, id: 'D11', title: '新增项目' });
    next.round.experts.push({ id: 'E06', name: '新专家', org: '', city: '' });
    return { db, demo, next };
  }

  it('is compared first and written only on confirmation; sheets are kept and flagged', async () => {
    const { db, demo, next } = await scoredDemo();
    const sheetsBefore = await db.sheets.toArray();
    const before = await dump(db);

    const outcome = await importRound(db, next, 'v2.zip');
    expect(outcome.kind).toBe('changed');
    expect(await dump(db)).toEqual(before);
    if (outcome.kind !== 'changed') return;
    const { plan } = outcome;
    expect(plan.diff.added.map((p) => p.id)).toEqual(['D11']);
    expect(plan.diff.removed.map((p) => p.id)).toEqual(['D03']);
    expect(plan.diff.changed).toEqual([
      { id: 'D02', title: '更名后的项目', fields: ['项目名称', '联系人'] },
    ]);
    expect(plan.flaggedSheets).toEqual([
      { packetId: 'D02', sheets: 1, kind: 'changed' },
      { packetId: 'D03', sheets: 1, kind: 'withdrawn' },
    ]);

    const packetsBefore = await db.packets.toArray();
    await expect(applyRoundUpdate(db, null, next, 'v2.zip', plan)).rejects.toThrow(
      AccessDeniedError,
    );
    expect(await db.packets.toArray()).toEqual(packetsBefore);
    await applyRoundUpdate(db, secretariat(), next, 'v2.zip', plan);
    // Not one sheet was edited or deleted.
    expect(await db.sheets.toArray()).toEqual(sheetsBefore);
    const listed = (await listPackets(db, demo.round.id)).map((p) => p.id);
    expect(listed).toContain('D11');
    expect(listed).not.toContain('D03');
    expect((await db.packets.get(`${demo.round.id}:D03`))?.withdrawn).toBe(true);
    expect((await db.packets.get(`${demo.round.id}:D02`))?.title).toBe('更名后的项目');
    expect(
      (await packetFlagsForRound(db, demo.round.id)).map((f) => [f.packetId, f.kind, f.fields]),
    ).toEqual([
      ['D02', 'changed', ['项目名称', '联系人']],
      ['D03', 'withdrawn', []],
    ]);
    const assigned = await db.assignments.where('roundId').equals(demo.round.id).toArray();
    expect(assigned.filter((a) => a.packetId === 'D03')).toHaveLength(0);
    expect(assigned.filter((a) => a.packetId === 'D11')).toHaveLength(6);
    expect(assigned.filter((a) => a.expertId === 'E06')).toHaveLength(10);
    expect((await db.rounds.get(demo.round.id))?.revision).toBe(2);
    expect((await auditForRound(db, demo.round.id)).map((a) => a.action)).toEqual([
      'round.import',
      'round.update',
    ]);
    expect(await checkAuditChain(db, demo.round.id)).toMatchObject({ intact: true });
    // The same v2 again is now a no-op.
    expect((await importRound(db, next, 'v2.zip')).kind).toBe('unchanged');
  });

  it('refuses a confirmation made against an older state, changing nothing', async () => {
    const { db, next } = await scoredDemo();
    const plan = await planRoundImport(db, next);
    if (plan.kind !== 'changed') throw new Error('expected a change');
    await applyRoundUpdate(db, secretariat(), next, 'v2.zip', plan.plan);
    const before = await dump(db);
    const third = structuredClone(next);
    third.packets[0]!.title = '第三版';
    await expect(
      applyRoundUpdate(db, secretariat(), third, 'v3.zip', plan.plan),
    ).rejects.toBeInstanceOf(StaleUpdateError);
    expect(await dump(db)).toEqual(before);
  });

  it('leaves everything as it was when the update fails half-way (missing attachment)', async () => {
    const { db, next } = await scoredDemo();
    const plan = await planRoundImport(db, next);
    if (plan.kind !== 'changed') throw new Error('expected a change');
    const before = await dump(db);
    const broken = { ...next, attachments: new Map(next.attachments) };
    broken.attachments.delete('attachments/D02/申报书.pdf');
    await expect(applyRoundUpdate(db, secretariat(), broken, 'v2.zip', plan.plan)).rejects.toThrow(
      /附件缺失/,
    );
    expect(await dump(db)).toEqual(before);
  });
});
