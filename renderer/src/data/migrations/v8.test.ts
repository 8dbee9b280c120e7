import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReviewDeskDb, openDatabase } from '../db';

describe('schema v7 → v8', () => {
  it('keeps every existing row and adds the empty, indexed field tables', async () => {
    const name = `v8-test-${Date.now()}`;
    const v7 = new ReviewDeskDb(name, { upTo: 7 });
    await v7.open();
    const round = {
      id: 'R',
      title: '拉练',
      kind: 'inspection',
      programme: 'key-project-inspection',
      rubric: {
        id: 'r',
        title: 'r',
        sections: [],
        vetoes: [],
        commentRequiredBelow: 1,
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
      digest: 'd',
      revision: 1,
    };
    const assignment = { key: 'R:S1:I1', roundId: 'R', packetId: 'S1', expertId: 'I1' };
    const confirmation = {
      key: 'R:1',
      roundId: 'R',
      version: 1,
      chair: '组长',
      at: '2026-11-03T00:00:00.000Z',
      digest: 'a',
    };
    await v7.table('rounds').add(round);
    await v7.table('assignments').add(assignment);
    await v7.table('confirmations').add(confirmation);
    v7.close();

    const v8 = await openDatabase(name);
    expect(v8.verno).toBeGreaterThanOrEqual(8);
    expect(await v8.rounds.toArray()).toEqual([round]);
    expect(await v8.assignments.toArray()).toEqual([assignment]);
    expect(await v8.confirmations.toArray()).toEqual([confirmation]);
    for (const table of [v8.routeSites, v8.sitePhotos, v8.findings, v8.adjustments])
      expect(await table.count()).toBe(0);

    // The new indexes answer the queries the repositories make.
    await v8.findings.add({
      id: 'f1',
      roundId: 'R',
      packetId: 'S1',
      severity: '一般',
      description: 'd',
      owner: 'o',
      dueDate: '',
      status: 'open',
      recordedBy: '',
      recordedAt: '2026-11-03T00:00:00.000Z',
      closedAt: null,
    });
    await v8.sitePhotos.add({
      id: 'p1',
      roundId: 'R',
      packetId: 'S1',
      name: 'a.png',
      mime: 'image/png',
      size: 3,
      blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
      source: 'file',
      takenAt: '2026-11-03T00:00:00.000Z',
      addedBy: '',
    });
    expect(await v8.findings.where('[roundId+packetId]').equals(['R', 'S1']).count()).toBe(1);
    expect(await v8.sitePhotos.where('[roundId+packetId]').equals(['R', 'S1']).count()).toBe(1);
    expect(await v8.routeSites.where('roundId').equals('R').count()).toBe(0);
    expect(await v8.adjustments.where('[roundId+packetId]').equals(['R', 'S1']).count()).toBe(0);
    v8.close();
  });
});
