import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemoRound } from '../../shared/demo/demoRound';
import {
  serializeScoreFile,
  signScoreFile,
  type UnsignedScoreFile,
} from '../../shared/formats/scoreFile';
import { generateKeyPair } from '../../shared/signing/ed25519';
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
import { tinyRound } from '../fixtures/tinyRound';
import { FUZZ_SCALE, expectPrototypeClean, fuzzTimeout, utf8 } from './harness';
import { secretariat } from '../../renderer/src/data/session/testSessions';
import { registerExpertKey } from '../../renderer/src/data/repositories/expertKeyRepository';
import { encodeBase64 } from '../../shared/signing/base64';

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
          if (b.dropAttachment) attachments.delete([...demo.attachments.keys()].pop()!);
          const content: RoundContent = {
            round: { ...demo.round, id: b.id, experts: [...demo.round.experts] },
            packets: [...demo.packets],
            attachments,
          };
          if (b.duplicatePacket) content.packets.push(demo.packets[0]!);
          if (b.duplicateExpert) content.round.experts.push(demo.round.experts[0]!);
          const before = await dump(db);
          const broken = b.dropAttachment || b.duplicatePacket || b.duplicateExpert;
          try {
            await importRound(db, content, 'fuzz');
          } catch {
            refused++;
            expect(await dump(db)).toEqual(before);
            return;
          }
          expect(broken).toBe(false);
          expect(await db.packets.where('roundId').equals(b.id).count()).toBe(demo.packets.length);
          await db.transaction('rw', db.tables, async () => {
            for (const table of db.tables) {
              if (table.name === 'rounds') await table.delete(b.id);
              else if (table.schema.indexes.some((i) => i.name === 'roundId'))
                await table.where('roundId').equals(b.id).delete();
            }
          });
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
            expect(await dump(db)).toEqual(before);
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
      await importRound(source, tinyRound(), 'demo');
      const content = await collectRoundBackup(source, 'T-1');
      const laptop = await freshDb();
      await importRound(laptop, tinyRound('OTHER'), 'demo');
      const before = await dump(laptop);
      const tamperArb = fc.record({
        table: fc.nat({ max: content.tables.length - 1 }),
        row: fc.nat(),
        field: fc.constantFrom('roundId', 'key', 'index', 'hash', 'sha256', 'id'),
        value: fc.constantFrom('OTHER', 'OTHER:x', '', 0, null, '__proto__'),
      });
      let tried = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(tamperArb, async (t) => {
          tried++;
          const copy = structuredClone(content);
          const rows = copy.tables[t.table]!.rows;
          if (rows.length === 0) return;
          const row = rows[t.row % rows.length]!;
          if (!(t.field in row) || row[t.field] === t.value) return;
          row[t.field] = t.value;
          try {
            await restoreRoundBackup(laptop, copy);
          } catch (error) {
            refused++;
            expect(error).toBeInstanceOf(Error);
            expect(await dump(laptop)).toEqual(before);
            return;
          }
          // Accepted (a change no check can see, e.g. a packet's own id): stored whole; undo it.
          await laptop.transaction('rw', laptop.tables, async () => {
            for (const table of laptop.tables) {
              if (table.name === 'rounds') await table.delete('T-1');
              else if (table.schema.indexes.some((i) => i.name === 'roundId'))
                await table.where('roundId').equals('T-1').delete();
            }
          });
        }),
        { numRuns: 60 * FUZZ_SCALE, seed: 7103 },
      );
      expect(BackupContentError).toBeDefined();
      report('restoreRoundBackup', tried, refused, 0);
      expect(refused).toBeGreaterThan(0);
    },
    fuzzTimeout(60, 100),
  );
});
