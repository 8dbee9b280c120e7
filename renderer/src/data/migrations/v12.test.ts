import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReviewDeskDb, openDatabase } from '../db';

describe('schema v11 → v12', () => {
  it('keeps every existing row and adds the empty, indexed opinions table', async () => {
    const name = `v12-test-${Date.now()}`;
    const v11 = new ReviewDeskDb(name, { upTo: 11 });
    await v11.open();
    const checkIn = { key: 'R:e1', roundId: 'R', expertId: 'e1', at: '2026-11-03T00:00:00.000Z' };
    const confirmation = {
      key: 'R:1',
      roundId: 'R',
      version: 1,
      chair: '组长',
      at: '2026-11-03T00:00:00.000Z',
      digest: 'a',
    };
    await v11.table('checkIns').add(checkIn);
    await v11.table('confirmations').add(confirmation);
    expect(v11.tables.map((t) => t.name)).not.toContain('opinions');
    v11.close();

    const v12 = await openDatabase(name);
    expect(v12.verno).toBe(12);
    expect(await v12.checkIns.toArray()).toEqual([checkIn]);
    expect(await v12.confirmations.toArray()).toEqual([confirmation]);
    expect(await v12.opinions.count()).toBe(0);
    await v12.opinions.add({
      key: 'R:P1',
      roundId: 'R',
      packetId: 'P1',
      text: '建议入选',
      chair: '张伟',
      chairId: 'e3',
      at: '2026-11-03T00:00:00.000Z',
    });
    expect(await v12.opinions.where('roundId').equals('R').count()).toBe(1);
    v12.close();
  });
});
