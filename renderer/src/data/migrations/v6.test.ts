import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReviewDeskDb, openDatabase } from '../db';

describe('schema v5 → v6', () => {
  it('keeps every existing row as it was and adds the empty, indexed results tables', async () => {
    const name = `v6-test-${Date.now()}`;
    const v5 = new ReviewDeskDb(name, { upTo: 5 });
    await v5.open();
    const round = {
      id: 'R',
      title: '评审',
      kind: 'selection',
      programme: 'brand-base',
      rubric: {
        id: 'r',
        title: 'r',
        sections: [],
        vetoes: [],
        commentRequiredBelow: 0,
        passLine: 60,
        bands: [],
      },
      aggregation: {
        method: 'mean',
        trimWhenAtLeast: 5,
        deviationFlag: 0.2,
        vetoRule: 'majority',
        tieBreak: [],
      },
      quotas: [],
      source: 'demo',
      importedAt: '2026-11-01T08:00:00.000Z',
      digest: '',
      revision: 1,
    };
    const sheet = {
      key: 'R:P1:e1',
      roundId: 'R',
      packetId: 'P1',
      expertId: 'e1',
      status: 'submitted',
      inputs: { c1: '7' },
      scores: { c1: 7 },
      vetoes: {},
      vetoReasons: {},
      comment: '',
      conflictReason: '',
      revision: 1,
      updatedAt: '2026-11-01T00:00:00.000Z',
      submittedAt: '2026-11-01T00:00:00.000Z',
    };
    const flag = {
      key: 'R:P1',
      roundId: 'R',
      packetId: 'P1',
      kind: 'changed',
      fields: ['title'],
      sheets: 1,
      revision: 2,
      at: '2026-11-02T00:00:00.000Z',
    };
    await v5.table('rounds').add(round);
    await v5.table('sheets').add(sheet);
    await v5.table('packetFlags').add(flag);
    v5.close();

    const v6 = await openDatabase(name);
    expect(v6.verno).toBeGreaterThanOrEqual(6);
    expect(await v6.rounds.toArray()).toEqual([round]);
    expect(await v6.sheets.toArray()).toEqual([sheet]);
    expect(await v6.packetFlags.toArray()).toEqual([flag]);
    for (const table of [v6.chairDecisions, v6.settlements, v6.dissents, v6.confirmations])
      expect(await table.count()).toBe(0);

    await v6.settlements.add({
      key: 'R:P1:e1:1',
      roundId: 'R',
      packetId: 'P1',
      expertId: 'e1',
      revision: 1,
      action: 'confirmed',
      reason: '已核对材料',
      at: '2026-11-03T00:00:00.000Z',
    });
    await v6.confirmations.bulkAdd([
      {
        key: 'R:2',
        roundId: 'R',
        version: 2,
        chair: '组长',
        at: '2026-11-04T00:00:00.000Z',
        digest: 'b',
      },
      {
        key: 'R:1',
        roundId: 'R',
        version: 1,
        chair: '组长',
        at: '2026-11-03T00:00:00.000Z',
        digest: 'a',
      },
    ]);
    expect(await v6.settlements.where('[roundId+expertId]').equals(['R', 'e1']).count()).toBe(1);
    expect(
      (await v6.confirmations.where('[roundId+version]').between(['R', 0], ['R', 99]).last())
        ?.version,
    ).toBe(2);
    v6.close();
  });
});
