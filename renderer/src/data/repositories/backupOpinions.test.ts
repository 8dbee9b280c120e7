import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDemoRound } from '@shared/demo/demoRound';
import { openDatabase } from '../db';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { chairSession } from '../session/testSessions';
import { collectRoundBackup, restoreRoundBackup } from './backupRepository';
import { opinionsOf, saveOpinion } from './opinionRepository';
import { importRound } from './roundRepository';

const demo = buildDemoRound();
const ROUND = demo.round.id;
const PACKET = demo.packets[0]!.id;
const CHAIR = demo.round.experts[4]!.id;
let counter = 0;
const freshDb = () => openDatabase(`backup-opinions-${Date.now()}-${counter++}`);

async function roundWithOpinion() {
  const db = await freshDb();
  await importRound(db, buildDemoRound(), 'demo');
  await saveOpinion(
    db,
    await chairSession(db, ROUND, CHAIR),
    ROUND,
    PACKET,
    '条件完善，建议入选。',
  );
  return db;
}

describe('backups and 专家组意见', () => {
  it('a backup carries the opinions and restores them on another laptop', async () => {
    const db = await roundWithOpinion();
    const content = await collectRoundBackup(db, ROUND);
    expect(content.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(content.tables.find((t) => t.name === 'opinions')!.rows).toHaveLength(1);
    const laptop = await freshDb();
    expect(await restoreRoundBackup(laptop, content)).toEqual({ kind: 'restored', roundId: ROUND });
    expect([...(await opinionsOf(laptop, ROUND)).values()]).toEqual([
      ...(await opinionsOf(db, ROUND)).values(),
    ]);
  });

  it('a version 11 backup, written before opinions had a table, restores with none', async () => {
    const db = await roundWithOpinion();
    const content = await collectRoundBackup(db, ROUND);
    const v11 = {
      ...structuredClone(content),
      schemaVersion: 11,
      tables: structuredClone(content.tables).filter((t) => t.name !== 'opinions'),
    };
    const laptop = await freshDb();
    expect(await restoreRoundBackup(laptop, v11)).toEqual({ kind: 'restored', roundId: ROUND });
    expect((await opinionsOf(laptop, ROUND)).size).toBe(0);
    expect(await laptop.packets.where('roundId').equals(ROUND).count()).toBe(
      await db.packets.where('roundId').equals(ROUND).count(),
    );
  });
});
