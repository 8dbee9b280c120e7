import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DatabaseFromTheFutureError, ReviewDeskDb, openDatabase } from './db';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { auditForRound, checkAuditChain } from './repositories/auditLog';
import { packetAssignmentsPrefix } from './repositories/keys';

let counter = 0;
const freshName = () => `db-test-${Date.now()}-${counter++}`;

describe('database versions', () => {
  it('upgrades a version 1 database to version 2 without losing or changing rows', async () => {
    const name = freshName();
    const v1 = new ReviewDeskDb(name, { upTo: 1 });
    await v1.open();
    expect(v1.verno).toBe(1);
    // A sheet as a version 1 build could leave it: no updatedAt, no revision, no inputs.
    await v1.table('sheets').bulkAdd([
      {
        key: 'R:P1:e1',
        roundId: 'R',
        packetId: 'P1',
        expertId: 'e1',
        status: 'submitted',
        scores: { c1: 8.5 },
        submittedAt: '2026-01-02T03:04:05.000Z',
      },
      { key: 'R:P2:e1', roundId: 'R', packetId: 'P2', expertId: 'e1', status: 'draft', scores: {} },
    ]);
    await v1
      .table('packets')
      .add({ key: 'R:P1', roundId: 'R', id: 'P1', group: '天府技工', title: '项目' });
    v1.close();

    const v2 = await openDatabase(name);
    expect(v2.verno).toBeGreaterThanOrEqual(2);
    const sheets = await v2.sheets.orderBy('key').toArray();
    expect(sheets).toEqual([
      {
        key: 'R:P1:e1',
        roundId: 'R',
        packetId: 'P1',
        expertId: 'e1',
        status: 'submitted',
        scores: { c1: 8.5 },
        submittedAt: '2026-01-02T03:04:05.000Z',
        updatedAt: '2026-01-02T03:04:05.000Z',
        revision: 1,
        inputs: { c1: '8.5' },
      },
      {
        key: 'R:P2:e1',
        roundId: 'R',
        packetId: 'P2',
        expertId: 'e1',
        status: 'draft',
        scores: {},
        updatedAt: new Date(0).toISOString(),
        revision: 0,
        inputs: {},
      },
    ]);
    // The new compound indexes answer queries.
    expect(await v2.sheets.where('[roundId+expertId]').equals(['R', 'e1']).count()).toBe(2);
    expect(await v2.packets.where('[roundId+group]').equals(['R', '天府技工']).count()).toBe(1);
    v2.close();
  });

  it('upgrades a version 2 audit log into a checkable hash chain per round', async () => {
    const name = freshName();
    const v2 = new ReviewDeskDb(name, { upTo: 2 });
    await v2.open();
    const plain = (roundId: string, n: number) => ({
      roundId,
      at: `2026-11-0${n}T08:00:00.000Z`,
      actor: '秘书',
      action: 'round.import',
      subject: roundId,
      detail: `第${n}条`,
    });
    await v2.table('audit').bulkAdd([plain('A', 1), plain('B', 2), plain('A', 3)]);
    v2.close();

    const v3 = await openDatabase(name);
    const a = await auditForRound(v3, 'A');
    expect(a.map((e) => [e.index, e.detail])).toEqual([
      [1, '第1条'],
      [2, '第3条'],
      [3, expect.stringMatching(/此前的 2 条记录自此纳入校验链/)],
    ]);
    expect(await checkAuditChain(v3, 'A')).toMatchObject({ intact: true, entries: 3 });
    expect(await checkAuditChain(v3, 'B')).toMatchObject({ intact: true, entries: 2 });
    v3.close();
  });

  it('upgrades version 3 to 4: existing rows untouched, the panel and exchange tables empty and usable', async () => {
    const name = freshName();
    const v3 = new ReviewDeskDb(name, { upTo: 3 });
    await v3.open();
    const sheet = {
      key: 'R:P1:e1',
      roundId: 'R',
      packetId: 'P1',
      expertId: 'e1',
      status: 'draft',
      inputs: { c1: '7' },
      scores: { c1: 7 },
      vetoes: {},
      vetoReasons: {},
      comment: '',
      conflictReason: '',
      revision: 0,
      updatedAt: '2026-11-01T00:00:00.000Z',
      submittedAt: null,
    };
    await v3.table('sheets').add(sheet);
    v3.close();

    const v4 = await openDatabase(name);
    expect(await v4.sheets.toArray()).toEqual([sheet]);
    expect(await v4.pins.count()).toBe(0);
    await v4.exchangeConflicts.add({
      key: 'R:P1:e1',
      roundId: 'R',
      packetId: 'P1',
      expertId: 'e1',
      status: 'open',
      reason: '同版本内容不同',
      incoming: { ...sheet, revision: 1 } as never,
      incomingFile: 'e1.scores.json',
      receivedAt: '2026-11-02T00:00:00.000Z',
    });
    expect(await v4.exchangeConflicts.where('status').equals('open').count()).toBe(1);
    v4.close();
  });

  it('upgrades version 6 to 7: assignments kept and found by round and expert', async () => {
    const name = freshName();
    const v6 = new ReviewDeskDb(name, { upTo: 6 });
    await v6.open();
    const rows = [
      { key: 'A:P1:e1', roundId: 'A', packetId: 'P1', expertId: 'e1' },
      { key: 'A:P2:e1', roundId: 'A', packetId: 'P2', expertId: 'e1' },
      { key: 'B:P1:e1', roundId: 'B', packetId: 'P1', expertId: 'e1' },
    ];
    await v6.table('assignments').bulkAdd(rows);
    v6.close();

    const v7 = await openDatabase(name);
    expect(await v7.assignments.orderBy('key').toArray()).toEqual(rows);
    expect(
      await v7.assignments.where('[roundId+expertId]').equals(['A', 'e1']).primaryKeys(),
    ).toEqual(['A:P1:e1', 'A:P2:e1']);
    v7.close();
  });

  it('upgrades version 8 to 9: sheets kept and counted by round, expert and status', async () => {
    const name = freshName();
    const v8 = new ReviewDeskDb(name, { upTo: 8 });
    await v8.open();
    const sheet = (packetId: string, status: string) => ({
      key: `R:${packetId}:e1`,
      roundId: 'R',
      packetId,
      expertId: 'e1',
      status,
      inputs: {},
      scores: {},
      vetoes: {},
      vetoReasons: {},
      comment: '',
      conflictReason: '',
      revision: 1,
      updatedAt: '2026-11-01T00:00:00.000Z',
      submittedAt: null,
    });
    const rows = [sheet('P1', 'submitted'), sheet('P2', 'draft'), sheet('P3', 'submitted')];
    await v8.table('sheets').bulkAdd(rows);
    v8.close();

    const v9 = await openDatabase(name);
    expect(await v9.sheets.orderBy('key').toArray()).toEqual(rows);
    expect(
      await v9.sheets.where('[roundId+expertId+status]').equals(['R', 'e1', 'submitted']).count(),
    ).toBe(2);
    v9.close();
  });

  it('upgrades version 9 to 10: assignments kept, found by round, by expert and by packet', async () => {
    const name = freshName();
    const v9 = new ReviewDeskDb(name, { upTo: 9 });
    await v9.open();
    const row = (roundId: string, packetId: string, expertId: string) => ({
      key: `${roundId}:${packetId}:${expertId}`,
      roundId,
      packetId,
      expertId,
    });
    const rows = [row('A', 'P1', 'e1'), row('A', 'P1', 'e2'), row('A', 'P10', 'e1')];
    rows.push(row('B', 'P1', 'e1'));
    await v9.table('assignments').bulkAdd(rows);
    v9.close();

    const v10 = await openDatabase(name);
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    expect(await v10.assignments.orderBy('key').toArray()).toEqual([...rows].sort(byKey));
    expect(await v10.assignments.where('roundId').equals('A').count()).toBe(3);
    expect(
      (await v10.assignments.where('[roundId+expertId]').equals(['A', 'e1']).primaryKeys()).sort(),
    ).toEqual(['A:P10:e1', 'A:P1:e1']);
    // A packet's assignments by their keys' start: P1's, not P10's (ids never contain ':').
    expect(
      await v10.assignments
        .where('key')
        .startsWith(packetAssignmentsPrefix('A', 'P1'))
        .primaryKeys(),
    ).toEqual(['A:P1:e1', 'A:P1:e2']);
    // The indexes no query used are gone: each was one more write per row.
    expect(v10.assignments.schema.indexes.map((index) => index.name).sort()).toEqual([
      '[roundId+expertId]',
      'roundId',
    ]);
    v10.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', async () => {
    const name = freshName();
    const future = new Dexie(name);
    future.version(CURRENT_SCHEMA_VERSION + 5).stores({ rounds: '&id', somethingNew: '&id' });
    await future.open();
    await future.table('rounds').add({ id: 'R-future', title: '未来的评审' });
    future.close();

    await expect(openDatabase(name)).rejects.toBeInstanceOf(DatabaseFromTheFutureError);
    await expect(openDatabase(name)).rejects.toThrow(/更新版本的评审台/);

    // Where indexedDB.databases() is missing (older engines), a probe reads the version instead.
    const withoutListing = new Proxy(indexedDB, {
      get: (target, key) =>
        key === 'databases' ? undefined : (Reflect.get(target, key) as unknown),
    });
    await expect(
      openDatabase(name, { indexedDB: withoutListing, IDBKeyRange }),
    ).rejects.toBeInstanceOf(DatabaseFromTheFutureError);

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(CURRENT_SCHEMA_VERSION + 5);
    expect(await again.table('rounds').get('R-future')).toEqual({
      id: 'R-future',
      title: '未来的评审',
    });
    again.close();
  });

  it('tries once more after Chromium reports a corrupt backing store (it has deleted the database by then), and not after other failures', async () => {
    // Chromium's first answer on a database it found corrupt: indexedDB.databases() rejects.
    const failingListings = (failures: number, error: DOMException) => {
      let calls = 0;
      const factory = new Proxy(indexedDB, {
        get: (target, key) =>
          key === 'databases'
            ? () => (++calls > failures ? target.databases() : Promise.reject(error))
            : (Reflect.get(target, key) as unknown),
      });
      return { factory, calls: () => calls };
    };
    const corrupt = new DOMException(
      'Internal error opening backing store for indexedDB.open.',
      'UnknownError',
    );

    const once = failingListings(1, corrupt);
    const db = await openDatabase(freshName(), { indexedDB: once.factory, IDBKeyRange });
    expect(once.calls()).toBe(2);
    expect(await db.rounds.count()).toBe(0);
    db.close();

    // Still failing: the error reaches the start-up screen after one more try.
    const always = failingListings(5, corrupt);
    await expect(
      openDatabase(freshName(), { indexedDB: always.factory, IDBKeyRange }),
    ).rejects.toThrow(/backing store/);
    expect(always.calls()).toBe(2);

    // Any other failure is not retried.
    const other = failingListings(1, new DOMException('Disk I/O failed.', 'UnknownError'));
    await expect(
      openDatabase(freshName(), { indexedDB: other.factory, IDBKeyRange }),
    ).rejects.toThrow(/Disk I\/O/);
    expect(other.calls()).toBe(1);
  });
});
