import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemoRound } from '@shared/demo/demoRound';
import {
  serializeScoreFile,
  signScoreFile,
  type UnsignedScoreFile,
} from '@shared/formats/scoreFile';
import { generateKeyPair } from '@shared/signing/ed25519';
import { sha256Hex } from '@shared/signing/hash';
import { openDatabase, type ReviewDeskDb } from '../../renderer/src/data/db';
import {
  BackupContentError,
  collectRoundBackup,
  restoreRoundBackup,
} from '../../renderer/src/data/repositories/backupRepository';
import { importScoreFiles } from '../../renderer/src/data/repositories/exchangeRepository';
import {
  importRound,
  type RoundContent,
} from '../../renderer/src/data/repositories/roundRepository';
import { sheetKey } from '../../renderer/src/data/repositories/keys';
import { tinyRound } from '../fixtures/tinyRound';
import { FUZZ_SCALE, expectPrototypeClean, fuzzTimeout, utf8 } from './harness';
import { secretariat } from '../../renderer/src/data/session/testSessions';
import { registerExpertKey } from '../../renderer/src/data/repositories/expertKeyRepository';
import { encodeBase64 } from '@shared/signing/base64';

/**
 * No partial write: whatever the repositories are given, a refused input leaves every table as
 * it was, and an accepted one is stored whole.
 */
let counter = 0;
const freshDb = () => openDatabase(`fuzz-dexie-${Date.now()}-${counter++}`);

async function dump(db: ReviewDeskDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    out[table.name] = await Promise.all(
      (await table.toArray()).map(async (row: Record<string, unknown>) =>
        row.blob instanceof Blob
          ? { ...row, blob: Array.from(new Uint8Array(await row.blob.arrayBuffer())) }
          : row,
      ),
    );
  }
  return out;
}

/** Every row of round `roundId` in `db`, attachment Blobs read out as bytes. */
async function roundRows(db: ReviewDeskDb, roundId: string) {
  const all = await dump(db);
  const out: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(all)) {
    out[name] = rows.filter((row) => {
      const r = row as Record<string, unknown>;
      return name === 'rounds' ? r.id === roundId : r.roundId === roundId;
    });
  }
  return out;
}

/** Remove round `roundId` again, so the next case starts from the same tables. */
async function removeRound(db: ReviewDeskDb, roundId: string) {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      if (table.name === 'rounds') await table.delete(roundId);
      else if (table.schema.indexes.some((i) => i.name === 'roundId'))
        await table.where('roundId').equals(roundId).delete();
    }
  });
}

const report = (name: string, tried: number, refused: number, failures: number) =>
  console.log(
    `fuzz: ${name} — ${tried} cases tried, ${failures} failures (${refused} refused, tables unchanged)`,
  );

describe('fuzz: Dexie import paths leave tables equal when they refuse', () => {
  it(
    'importRound: broken content (missing attachment, duplicate ids) writes nothing',
    async () => {
      const db = await freshDb();
      await importRound(db, tinyRound('OTHER'), 'demo');
      let tried = 0;
      let refused = 0;
      const breakArb = fc.record({
        dropAttachment: fc.boolean(),
        duplicatePacket: fc.boolean(),
        duplicateExpert: fc.boolean(),
        id: fc.constantFrom('F-1', 'F-2', 'F-3'),
      });
      await fc.assert(
        fc.asyncProperty(breakArb, async (b) => {
          tried++;
          const demo = buildDemoRound();
          const attachments = new Map(demo.attachments);
          const dropped = [...demo.attachments.keys()].pop()!;
          if (b.dropAttachment) attachments.delete(dropped);
          const content: RoundContent = {
            round: { ...demo.round, id: b.id, experts: [...demo.round.experts] },
            packets: [...demo.packets],
            attachments,
          };
          if (b.duplicatePacket) content.packets.push(demo.packets[0]!);
          if (b.duplicateExpert) content.round.experts.push(demo.round.experts[0]!);
          const before = await dump(db);
          const broken = b.dropAttachment || b.duplicatePacket || b.duplicateExpert;
          let outcome;
          try {
            outcome = await importRound(db, content, 'fuzz');
          } catch (error) {
            // Refused for what was broken, said so; a valid round that fails lands here too and
            // fails the test.
            refused++;
            expect(broken).toBe(true);
            expect(error).toBeInstanceOf(Error);
            const { name, message } = error as Error;
            if (b.dropAttachment) expect(message).toBe(`附件缺失：${dropped}`);
            else expect(['ConstraintError', 'BulkError']).toContain(name);
            expect(await dump(db)).toEqual(before);
            return;
          }
          expect(broken).toBe(false);
          expect(outcome).toEqual({ kind: 'imported', roundId: b.id });
          // Stored whole: every packet, expert and attachment row, each attachment's bytes.
          const stored = await roundRows(db, b.id);
          expect(stored.rounds).toHaveLength(1);
          expect((stored.packets as { id: string }[]).map((p) => p.id).sort()).toEqual(
            demo.packets.map((p) => p.id).sort(),
          );
          expect(stored.experts).toHaveLength(demo.round.experts.length);
          const storedBytes = new Map(
            (stored.attachments as { path: string; blob: number[] }[]).map((a) => [a.path, a.blob]),
          );
          expect(storedBytes.size).toBe(demo.attachments.size);
          for (const [path, bytes] of demo.attachments) {
            expect(storedBytes.get(path)).toEqual(Array.from(bytes));
          }
          await removeRound(db, b.id);
        }),
        { numRuns: 20 * FUZZ_SCALE, seed: 7101 },
      );
      report('importRound', tried, refused, 0);
      expect(refused).toBeGreaterThan(0);
    },
    fuzzTimeout(20, 200),
  );

  it(
    'importScoreFiles: signed files with arbitrary sheets are applied whole or refused untouched',
    async () => {
      const db = await freshDb();
      await importRound(db, tinyRound(), 'demo');
      const { seed, publicKey } = generateKeyPair();
      // e1's key is registered, so files for e1 reach the merge; e2's are refused for want of one.
      await registerExpertKey(db, secretariat(), 'T-1', 'e1', encodeBase64(publicKey), 'file');
      const sheetArb = fc.record({
        packetId: fc.constantFrom('P001', 'P002', 'P404', '__proto__'),
        status: fc.constantFrom('submitted' as const, 'conflict' as const),
        scores: fc.dictionary(
          fc.constantFrom('c1', 'c2', 'c9', '__proto__', 'constructor'),
          fc.constantFrom(0, 0.5, 8, 10, 12.5, 15, 16, 7.3),
        ),
        vetoes: fc.dictionary(fc.constantFrom('v1', 'v9'), fc.boolean()),
        vetoReasons: fc.dictionary(fc.constantFrom('v1'), fc.constantFrom('', '违规')),
        comment: fc.constantFrom('', '好', '=cmd|x'),
        conflictReason: fc.constantFrom('', '同单位'),
        revision: fc.integer({ min: 1, max: 4 }),
        submittedAt: fc.constant('2026-11-20T10:00:00+08:00'),
      });
      const fileArb = fc.record({
        roundId: fc.constantFrom('T-1', 'T-1', 'T-2'),
        expert: fc.constantFrom(
          { id: 'e1', name: '王建国' },
          { id: 'e2', name: '李敏' },
          { id: 'e1', name: '别人' },
          { id: 'e9', name: '无名' },
        ),
        sheets: fc.uniqueArray(sheetArb, { maxLength: 3, selector: (s) => s.packetId }),
      });
      let tried = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fileArb, async (f) => {
          tried++;
          const unsigned = { format: 'review-desk/scores@1', ...f } as UnsignedScoreFile;
          const bytes = utf8(serializeScoreFile(signScoreFile(unsigned, seed)));
          const before = await dump(db);
          const [result] = await importScoreFiles(db, secretariat(), 'T-1', [
            { name: 'f.scores.json', bytes },
          ]);
          expectPrototypeClean();
          if (result!.outcome === 'refused') {
            refused++;
            expect(result!.problems.length).toBeGreaterThan(0);
            for (const problem of result!.problems)
              expect(problem).toMatch(/^f\.scores\.json.*：./);
            expect(await dump(db)).toEqual(before);
            return;
          }
          // Accepted: a line per sheet, and each added or replaced sheet stored as signed.
          expect(result!.problems).toEqual([]);
          expect(result!.sheets.map((l) => l.packetId)).toEqual(f.sheets.map((x) => x.packetId));
          for (const line of result!.sheets) {
            if (line.action !== 'add' && line.action !== 'replace') continue;
            const sheet = f.sheets.find((x) => x.packetId === line.packetId)!;
            const row = await db.sheets.get(sheetKey('T-1', sheet.packetId, f.expert.id));
            expect(row).toMatchObject({
              revision: sheet.revision,
              scores: sheet.scores,
              vetoes: sheet.vetoes,
              comment: sheet.comment,
            });
          }
        }),
        { numRuns: 60 * FUZZ_SCALE, seed: 7102 },
      );
      report('importScoreFiles', tried, refused, 0);
      expect(refused).toBeGreaterThan(0);
      expect(refused).toBeLessThan(tried);
    },
    fuzzTimeout(60, 100),
  );

  it(
    'restoreRoundBackup: tampered content is refused before any write',
    async () => {
      const source = await freshDb();
      // With the attachments' true digests, which a restore checks (tinyRound's are zeros).
      const tiny = tinyRound();
      for (const packet of tiny.packets) {
        for (const ref of packet.attachments) {
          ref.sha256 = sha256Hex(tiny.attachments.get(ref.path) as Uint8Array);
        }
      }
      await importRound(source, tiny, 'demo');
      const content = await collectRoundBackup(source, 'T-1');
      const laptop = await freshDb();
      await importRound(laptop, tinyRound('OTHER'), 'demo');
      const before = await dump(laptop);
      // Tables that hold rows, and in them a field that exists: every case changes something.
      const filled = content.tables.flatMap((t, i) => (t.rows.length > 0 ? [i] : []));
      const tamperArb = fc.record({
        table: fc.constantFrom(...filled),
        row: fc.nat(),
        field: fc.oneof(
          fc.constantFrom('roundId', 'key', 'index', 'hash', 'sha256', 'id'),
          fc.nat(),
        ),
        value: fc.constantFrom('OTHER', 'OTHER:x', '', 0, null, '__proto__'),
      });
      let tried = 0;
      let refused = 0;
      /** Every table's rows of T-1 as in `backup`, and every attachment's bytes. */
      const expectStoredWhole = async (backup: typeof content) => {
        const stored = await roundRows(laptop, 'T-1');
        for (const table of backup.tables) {
          if (table.name !== 'audit') {
            expect(stored[table.name], table.name).toHaveLength(table.rows.length);
          }
        }
        // The audit trail as backed up, then the restore's own record.
        const hashes = (rows: unknown[] = []) => rows.map((r) => (r as { hash: string }).hash);
        const backedUp = hashes(backup.tables.find((t) => t.name === 'audit')?.rows);
        expect(hashes(stored.audit).slice(0, backedUp.length)).toEqual(backedUp);
        const storedBytes = (stored.attachments as { key: string; blob: number[] }[]).map(
          (a): [string, number[]] => [a.key, a.blob],
        );
        expect(storedBytes.length).toBeGreaterThan(0);
        expect(new Map(storedBytes)).toEqual(
          new Map(backup.attachments.map((a) => [a.key, Array.from(a.bytes)])),
        );
      };
      await fc.assert(
        fc.asyncProperty(tamperArb, async (t) => {
          tried++;
          const copy = structuredClone(content);
          const rows = copy.tables[t.table]!.rows;
          if (rows.length === 0) return;
          const row = rows[t.row % rows.length]!;
          const names = Object.keys(row);
          const field = typeof t.field === 'number' ? names[t.field % names.length]! : t.field;
          if (!(field in row) || row[field] === t.value) return;
          row[field] = t.value;
          try {
            await restoreRoundBackup(laptop, copy);
          } catch (error) {
            refused++;
            // Refused by the content check, saying what is wrong and that nothing changed.
            expect(error).toBeInstanceOf(BackupContentError);
            expect((error as Error).message).toMatch(/^备份内容无效：.+（本机数据未作任何改动）$/);
            expect(await dump(laptop)).toEqual(before);
            return;
          }
          // Accepted (a change no check can see): stored whole.
          try {
            await expectStoredWhole(copy);
          } finally {
            await removeRound(laptop, 'T-1');
          }
        }),
        { numRuns: 60 * FUZZ_SCALE, seed: 7103 },
      );
      report('restoreRoundBackup', tried, refused, 0);
      expect(refused).toBeGreaterThan(0);
      // The authentic content restores, whole.
      expect(await restoreRoundBackup(laptop, content)).toEqual({
        kind: 'restored',
        roundId: 'T-1',
      });
      await expectStoredWhole(content);
    },
    fuzzTimeout(60, 100),
  );
});
