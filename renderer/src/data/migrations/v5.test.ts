import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDemoRound } from '@shared/demo/demoRound';
import { ReviewDeskDb, openDatabase } from '../db';
import { importRound } from '../repositories/roundRepository';

describe('schema v4 → v5', () => {
  it('gives stored rounds an empty digest and revision 1, adds packetFlags, and a re-import of the same round stays a no-op', async () => {
    const name = `v5-test-${Date.now()}`;
    const v4 = new ReviewDeskDb(name, { upTo: 4 });
    await v4.open();
    const demo = buildDemoRound();
    const roundRow = {
      id: demo.round.id,
      title: demo.round.title,
      kind: demo.round.kind,
      programme: demo.round.programme,
      rubric: demo.round.rubric,
      aggregation: demo.round.aggregation,
      quotas: demo.round.quotas,
      source: 'demo',
      importedAt: '2026-11-01T08:00:00.000Z',
    };
    await v4.table('rounds').add(roundRow);
    await v4.table('packets').bulkAdd(
      demo.packets.map((p) => ({
        ...p,
        key: `${demo.round.id}:${p.id}`,
        roundId: demo.round.id,
      })),
    );
    await v4.table('experts').bulkAdd(
      demo.round.experts.map((e) => ({
        ...e,
        key: `${demo.round.id}:${e.id}`,
        roundId: demo.round.id,
        role: 'expert',
      })),
    );
    v4.close();

    const v5 = await openDatabase(name);
    expect(v5.verno).toBeGreaterThanOrEqual(5);
    expect(await v5.rounds.toArray()).toEqual([{ ...roundRow, digest: '', revision: 1 }]);
    expect(await v5.packetFlags.count()).toBe(0);
    // No digest to compare: the field-by-field comparison still recognises the same round.
    expect((await importRound(v5, demo, 'demo')).kind).toBe('unchanged');
    v5.close();
  });
});
