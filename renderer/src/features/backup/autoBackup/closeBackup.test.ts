import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_BACKUP_LIMITS,
  parseAutoBackupName,
  readRoundBackup,
  type BackupCrypto,
} from '@shared/backup';
import { buildDemoRound } from '@shared/demo/demoRound';
import type { AutoBackupHost } from '@shared/platform/Platform';
import { tinyRound } from '../../../../../test/fixtures/tinyRound';
import { openDatabase } from '../../../data/db';
import {
  AUTO_BACKUP_STATE_KEY,
  readAutoBackupState,
} from '../../../data/repositories/autoBackupRepository';
import {
  collectRoundBackup,
  restoreRoundBackup,
} from '../../../data/repositories/backupRepository';
import { importRound } from '../../../data/repositories/roundRepository';
import { saveDraft } from '../../../data/repositories/sheetRepository';
import { expertSession, secretariat } from '../../../data/session/testSessions';
import { CloseBackupError, planCloseBackup, runCloseBackup } from './closeBackup';

let counter = 0;
const freshDb = () => openDatabase(`close-backup-test-${Date.now()}-${counter++}`);
const crypto = globalThis.crypto as unknown as BackupCrypto;
const FAST = 1000;
const PASSPHRASE = '评审台 自动备份';

/** Main as the renderer sees it: a folder that records what was written. */
function fakeHost(folder: string | null = '/backups') {
  const files = new Map<string, Uint8Array>();
  let failOn: string | null = null;
  const host = {
    folder: async () => folder,
    write: vi.fn<AutoBackupHost['write']>(async (name, bytes) => {
      if (failOn !== null && name.startsWith(failOn)) {
        throw new Error('自动备份文件夹“/backups”不存在或无法打开。请接上它，然后重试。');
      }
      files.set(name, bytes);
      return { location: `${folder}/${name}` };
    }),
    failFor: (stem: string | null) => (failOn = stem),
  };
  return { host, files };
}

/** A demo round with a draft typed, and a second, untouched round. */
async function twoRounds() {
  const db = await freshDb();
  const demo = buildDemoRound();
  await importRound(db, demo, 'demo');
  const tiny = tinyRound('T-1');
  await importRound(db, tiny, 'tiny');
  const expert = demo.round.experts[0]!;
  const packet = demo.packets[0]!;
  const session = await expertSession(db, demo.round.id, expert.id);
  await saveDraft(db, session, demo.round.id, packet.id, expert.id, {
    inputs: { a1: '8' },
    comment: '好',
  });
  return { db, demo, tiny, expert, packet };
}

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 21, 2, 0, tick++));

async function closeOnce(
  db: Awaited<ReturnType<typeof freshDb>>,
  host: ReturnType<typeof fakeHost>['host'],
) {
  const plan = await planCloseBackup(db, host);
  if (!plan) throw new Error('no folder');
  const written = await runCloseBackup(plan, {
    db,
    host,
    passphrase: PASSPHRASE,
    crypto,
    generator: 'review-desk test',
    now: clock,
    iterations: FAST,
  });
  return { plan, written };
}

describe('automatic backup on close', () => {
  it('backs up every round the first time, under the automatic name, and restores on another laptop', async () => {
    const { db, demo, tiny, expert, packet } = await twoRounds();
    const { host, files } = fakeHost();
    const { plan, written } = await closeOnce(db, host);
    expect(plan.rounds.map((r) => r.roundId).sort()).toEqual([demo.round.id, tiny.round.id].sort());
    expect(written).toHaveLength(2);
    const names = [...files.keys()];
    expect(names.map((n) => parseAutoBackupName(n)?.stem).sort()).toEqual(
      [demo.round.id, tiny.round.id].sort(),
    );

    const demoName = names.find((n) => n.startsWith(demo.round.id))!;
    const read = await readRoundBackup(files.get(demoName)!, PASSPHRASE, {
      crypto,
      limits: { ...DEFAULT_BACKUP_LIMITS, minIterations: FAST },
    });
    if (!read.ok) throw new Error(read.message);
    expect(read.header.roundTitle).toBe(demo.round.title);
    const laptop = await freshDb();
    await expect(restoreRoundBackup(laptop, read.content)).resolves.toEqual({
      kind: 'restored',
      roundId: demo.round.id,
    });
    const sheet = (await laptop.sheets.where('roundId').equals(demo.round.id).toArray()).find(
      (s) => s.packetId === packet.id && s.expertId === expert.id,
    );
    expect(sheet?.inputs).toEqual({ a1: '8' });
    expect(await laptop.attachments.where('roundId').equals(demo.round.id).count()).toBe(
      await db.attachments.where('roundId').equals(demo.round.id).count(),
    );
  });

  it('skips unchanged rounds and backs up only the one that changed', async () => {
    const { db, demo, expert, packet } = await twoRounds();
    const { host } = fakeHost();
    await closeOnce(db, host);

    const again = await closeOnce(db, host);
    expect(again.plan.rounds).toEqual([]);
    expect(again.written).toEqual([]);
    expect(host.write).toHaveBeenCalledTimes(2);

    const session = await expertSession(db, demo.round.id, expert.id);
    await saveDraft(db, session, demo.round.id, packet.id, expert.id, { inputs: { a1: '9' } });
    const changed = await closeOnce(db, host);
    expect(changed.plan.rounds).toEqual([{ roundId: demo.round.id, title: demo.round.title }]);
    expect(changed.written.map((w) => w.roundId)).toEqual([demo.round.id]);
  });

  it('backs everything up again into a newly chosen folder', async () => {
    const { db } = await twoRounds();
    await closeOnce(db, fakeHost('/backups').host);
    const other = fakeHost('/media/u盘/备份');
    const { written } = await closeOnce(db, other.host);
    expect(written).toHaveLength(2);
    expect(written[0]!.location.startsWith('/media/u盘/备份/')).toBe(true);
  });

  it('records a round only once its archive was written, so a failed one is tried again', async () => {
    const { db } = await twoRounds();
    const { host } = fakeHost();
    const plan = await planCloseBackup(db, host);
    const [first, second] = plan!.rounds;
    host.failFor(second!.roundId);
    const failure = runCloseBackup(plan!, {
      db,
      host,
      passphrase: PASSPHRASE,
      crypto,
      generator: 't',
      now: clock,
      iterations: FAST,
    });
    await expect(failure).rejects.toBeInstanceOf(CloseBackupError);
    await expect(failure).rejects.toMatchObject({
      round: second,
      message: expect.stringMatching(
        new RegExp(`^自动备份评审“${second!.title}”失败：.*不存在或无法打开.*重试`),
      ),
    });
    expect((await readAutoBackupState(db)).map((e) => e.roundId)).toEqual([first!.roundId]);

    host.failFor(null);
    const retry = await closeOnce(db, host);
    expect(retry.plan.rounds).toEqual([second]);
    expect(retry.written.map((w) => w.roundId)).toEqual([second!.roundId]);
  });

  it('stops between rounds when the user closes without waiting', async () => {
    const { db } = await twoRounds();
    const { host } = fakeHost();
    const plan = await planCloseBackup(db, host);
    const seen: string[] = [];
    const written = await runCloseBackup(plan!, {
      db,
      host,
      passphrase: PASSPHRASE,
      crypto,
      generator: 't',
      now: clock,
      iterations: FAST,
      onProgress: ({ index, total, round }) => seen.push(`${index + 1}/${total} ${round.title}`),
      stopped: () => seen.length > 0,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^1\/2 /);
    expect(written).toHaveLength(1);
  });

  it('plans nothing without a folder', async () => {
    const { db } = await twoRounds();
    await expect(planCloseBackup(db, fakeHost(null).host)).resolves.toBeNull();
  });

  it('keeps its record out of round backups and out of a restore’s reach', async () => {
    const { db, demo } = await twoRounds();
    const { host, files } = fakeHost();
    await closeOnce(db, host);
    expect(await db.settings.get(AUTO_BACKUP_STATE_KEY)).toBeDefined();
    const content = await collectRoundBackup(db, demo.round.id);
    const settings = content.tables.find((t) => t.name === 'settings')!.rows;
    expect(settings.map((row) => row.key)).not.toContain(AUTO_BACKUP_STATE_KEY);

    // Restoring (replacing) the round keeps the device's record, and the restore, which adds
    // an audit entry, makes the round changed again.
    const name = [...files.keys()].find((n) => n.startsWith(demo.round.id))!;
    const read = await readRoundBackup(files.get(name)!, PASSPHRASE, {
      crypto,
      limits: { ...DEFAULT_BACKUP_LIMITS, minIterations: FAST },
    });
    if (!read.ok) throw new Error(read.message);
    await restoreRoundBackup(db, read.content, { replace: true, session: secretariat() });
    expect((await readAutoBackupState(db)).map((e) => e.roundId)).toContain(demo.round.id);
    const plan = await planCloseBackup(db, host);
    expect(plan!.rounds.map((r) => r.roundId)).toEqual([demo.round.id]);
  });

  it('treats an unreadable record as no record: everything is backed up again', async () => {
    const { db } = await twoRounds();
    await db.settings.put({ key: AUTO_BACKUP_STATE_KEY, value: { rounds: 'garbage' } });
    const { written } = await closeOnce(db, fakeHost().host);
    expect(written).toHaveLength(2);
  });
});
