import 'fake-indexeddb/auto';
import { localIsoTime } from '@shared/time/localIsoTime';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { compileRound } from '@shared/compile';
import type { DeviceKeyInfo, KeyCustody } from '@shared/platform/Platform';
import { encodeBase64 } from '@shared/signing/base64';
import { generateKeyPair, signEd25519 } from '@shared/signing/ed25519';
import { keyFingerprint } from '@shared/signing/hash';
import { verifyResultWorkbook } from '@shared/workbook';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { openDatabase, type ReviewDeskDb } from '../db';
import { auditForRound, checkAuditChain } from './auditLog';
import {
  ExportError,
  exportReadiness,
  exportReadinessFor,
  latestExport,
  prepareResultExport,
  recordResultExport,
  reportView,
  shortHash,
} from './exportRepository';
import { setRole } from './panelRepository';
import { compileInputFor, confirmResults, recordDissent, reopenResults } from './resultsRepository';
import { importRound } from './roundRepository';
import { saveDraft, submitSheet } from './sheetRepository';
import { chairSession, expertSession, secretariat } from '../session/testSessions';
import { registerExpertKey } from './expertKeyRepository';

let counter = 0;
const ROUND = 'T-1';

async function freshDb(): Promise<ReviewDeskDb> {
  const db = await openDatabase(`export-test-${Date.now()}-${counter++}`);
  await importRound(db, tinyRound(ROUND), 'demo');
  return db;
}

async function submit(
  db: ReviewDeskDb,
  packetId: string,
  expertId: string,
  c1: string,
  c2: string,
) {
  await saveDraft(db, await expertSession(db, ROUND, expertId), ROUND, packetId, expertId, {
    inputs: { c1, c2 },
    comment: '',
  });
  const outcome = await submitSheet(
    db,
    await expertSession(db, ROUND, expertId),
    tinyRound().round.rubric,
    ROUND,
    packetId,
    expertId,
  );
  expect(outcome.ok).toBe(true);
}

/** A KeyCustody over a raw seed, counting what the export asked of it. */
function testKeys(): KeyCustody & { calls: { create: number; sign: number } } {
  let pair: ReturnType<typeof generateKeyPair> | null = null;
  const calls = { create: 0, sign: 0 };
  const info = (): DeviceKeyInfo | null =>
    pair && {
      algorithm: 'Ed25519',
      publicKey: encodeBase64(pair.publicKey),
      fingerprint: keyFingerprint(pair.publicKey),
      protection: 'os-keystore',
      createdAt: '2026-11-20T08:00:00.000Z',
    };
  return {
    calls,
    info: async () => info(),
    create: async () => {
      calls.create += 1;
      pair ??= generateKeyPair();
      return info()!;
    },
    unlock: async () => undefined,
    sign: async (message) => {
      calls.sign += 1;
      if (!pair) throw new Error('no key');
      return signEd25519(message, pair.seed);
    },
  };
}

/** Three experts score both packets; e3 chairs and confirms. No tie, no deviation flag. */
async function confirmedRound(db: ReviewDeskDb) {
  await submit(db, 'P001', 'e1', '9', '14');
  await submit(db, 'P001', 'e2', '8.5', '13');
  await submit(db, 'P001', 'e3', '9', '13.5');
  await submit(db, 'P002', 'e1', '7', '10');
  await submit(db, 'P002', 'e2', '6.5', '11');
  await setRole(db, secretariat(), ROUND, 'e3', 'chair');
  await confirmResults(db, await chairSession(db, ROUND, 'e3'), ROUND);
}

describe('result workbook export', () => {
  it('refuses results the chair has not confirmed, reopened, or that changed since', async () => {
    const db = await freshDb();
    await submit(db, 'P001', 'e1', '9', '14');
    const keys = testKeys();
    await expect(prepareResultExport(db, keys, ROUND, 'review-desk test')).rejects.toThrow(
      /尚未经专家组组长确认/,
    );
    expect(keys.calls).toEqual({ create: 0, sign: 0 });

    await confirmResults(db, await chairSession(db, ROUND, 'e3'), ROUND);
    await reopenResults(db, secretariat(), ROUND, '补充评分');
    await expect(prepareResultExport(db, keys, ROUND, 'review-desk test')).rejects.toThrow(
      /重新开放/,
    );
    expect(exportReadiness(undefined, 'x')).toMatchObject({ ok: false, reason: 'unconfirmed' });
    expect(
      exportReadiness(
        { key: 'k', roundId: ROUND, version: 2, chair: '张伟', at: '', digest: 'a' },
        'b',
      ),
    ).toMatchObject({ ok: false, reason: 'changed' });
  });

  it('builds a workbook that verifies, with the numbers compileRound gives, audit and key ids', async () => {
    const db = await freshDb();
    await confirmedRound(db);
    // A key an older version took from a score file counts for nothing: only registrations do.
    await db.expertKeys.put({
      key: `${ROUND}:e2`,
      roundId: ROUND,
      expertId: 'e2',
      publicKey: encodeBase64(new Uint8Array(32).fill(4)),
      fingerprint: keyFingerprint(new Uint8Array(32).fill(4)),
      firstSeenIn: 'e2.scores.json',
      firstSeenAt: '2026-11-20T09:00:00.000Z',
    });
    const e1Key = encodeBase64(new Uint8Array(32).fill(3));
    expect(await registerExpertKey(db, secretariat(), ROUND, 'e1', e1Key, 'file')).toMatchObject({
      ok: true,
    });
    const keys = testKeys();

    const prepared = await prepareResultExport(db, keys, ROUND, 'review-desk test');
    expect(prepared.keyCreated).toBe(true);
    expect(keys.calls).toEqual({ create: 1, sign: 1 });
    expect(prepared.fileName).toBe('T-1-结果.xlsx');
    expect(prepared.confirmationVersion).toBe(1);

    const verified = verifyResultWorkbook(prepared.bytes, {
      trustedKeys: [prepared.key.publicKey],
    });
    if (!verified.ok) throw new Error(verified.problems.join('\n'));
    const { summary } = verified;
    expect(summary.roundId).toBe(ROUND);
    expect(summary.keyId).toBe(prepared.key.fingerprint);
    expect(summary.sha256).toBe(prepared.sha256);
    expect(summary.trusted).toBe(true);

    // The numbers are compileRound's on the same input, packet by packet, in result order.
    const expected = compileRound(await compileInputFor(db, ROUND));
    expect(summary.payload.results.map((r) => [r.packetId, r.n, r.score, r.rank])).toEqual(
      expected.packets.map((p) => [p.packetId, p.n, p.score, p.rank]),
    );
    expect(summary.packets).toBe(2);
    expect(summary.sheets).toBe(5);
    expect(summary.payload.sheets.map((s) => s.points)).toEqual(
      expected.packets.flatMap((p) => p.sheets.map((s) => s.points)),
    );
    // 专家名单 carries the key registered for e1 at 签到, fingerprint and public key; the others none.
    expect(summary.payload.experts.map((e) => [e.id, e.keyFingerprint, e.publicKey])).toEqual([
      ['e1', keyFingerprint(new Uint8Array(32).fill(3)), e1Key],
      ['e2', null, null],
      ['e3', null, null],
    ]);
    // 审计记录: the round's log as it stood, the confirmation included.
    const actions = summary.payload.audit.map((a) => a.action);
    expect(actions).toContain('results.confirm');
    expect(actions.length).toBe((await auditForRound(db, ROUND)).length);
    expect(summary.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it('records a saved export in the audit chain and for the report; reuses the device key', async () => {
    const db = await freshDb();
    await confirmedRound(db);
    const keys = testKeys();
    const first = await prepareResultExport(db, keys, ROUND, 'review-desk test');
    const record = await recordResultExport(db, secretariat(), first, first.fileName);
    expect(record).toMatchObject({
      sha256: first.sha256,
      keyId: first.key.fingerprint,
      confirmationVersion: 1,
    });
    await expect(latestExport(db, ROUND)).resolves.toEqual(record);
    const audit = await auditForRound(db, ROUND);
    const entry = audit[audit.length - 1]!;
    expect(entry).toMatchObject({
      action: 'results.export',
      actor: '秘书处',
      subject: first.fileName,
    });
    expect(entry.detail).toContain(first.sha256);
    expect(entry.detail).toContain(first.key.fingerprint);
    await expect(checkAuditChain(db, ROUND)).resolves.toMatchObject({ intact: true });

    // A second export signs with the same key and lists the first export in its audit sheet.
    const second = await prepareResultExport(db, keys, ROUND, 'review-desk test');
    expect(second.keyCreated).toBe(false);
    expect(keys.calls.create).toBe(1);
    expect(second.key.fingerprint).toBe(first.key.fingerprint);
    expect(second.payload.audit.map((a) => a.action)).toContain('results.export');
  });

  it('gives the report the workbook rendering, the signers with their dissents, and the export', async () => {
    const db = await freshDb();
    await confirmedRound(db);
    await recordDissent(
      db,
      await expertSession(db, ROUND, 'e2'),
      ROUND,
      'e2',
      'P002 的课程体系评分偏高',
    );
    const before = await reportView(db, ROUND);
    expect(before.lastExport).toBeNull();
    expect(before.exportMatches).toBe(false);
    expect(before.readiness.ok).toBe(true);
    expect(before.signers.map((s) => [s.name, s.role, s.dissent])).toEqual([
      ['王建国', 'expert', null],
      ['李秀英', 'expert', 'P002 的课程体系评分偏高'],
      ['张伟', 'chair', null],
    ]);
    const expected = compileRound(await compileInputFor(db, ROUND));
    expect(before.payload.results.map((r) => r.score)).toEqual(
      expected.packets.map((p) => p.score),
    );

    const prepared = await prepareResultExport(db, testKeys(), ROUND, 'review-desk test');
    await recordResultExport(db, secretariat(), prepared, prepared.fileName);
    const after = await reportView(db, ROUND);
    expect(after.exportMatches).toBe(true);
    expect(after.lastExport?.sha256).toBe(prepared.sha256);

    // Reopening and changing a score makes the paper's hash stale: the report says so.
    await reopenResults(db, secretariat(), ROUND, '补充评分');
    await submit(db, 'P002', 'e3', '6', '9');
    expect((await reportView(db, ROUND)).exportMatches).toBe(false);
  });

  it('refuses to export a round that does not exist', async () => {
    const db = await freshDb();
    await expect(prepareResultExport(db, testKeys(), 'NOPE', 'x')).rejects.toThrow(ExportError);
  });
});

describe('live views', () => {
  // The export button and the report page watch these; they must follow the chair's confirmation.
  it('re-run when the chair confirms, without committing their transaction early', async () => {
    const db = await freshDb();
    await submit(db, 'P001', 'e1', '9', '14');
    await setRole(db, secretariat(), ROUND, 'e3', 'chair');
    const seen: string[] = [];
    const errors: unknown[] = [];
    const subs = [
      liveQuery(() => exportReadinessFor(db, ROUND)).subscribe({
        next: (r) => seen.push(`button:${r.ok ? 'ok' : r.reason}`),
        error: (e: unknown) => errors.push(e),
      }),
      liveQuery(() => reportView(db, ROUND)).subscribe({
        next: (r) => seen.push(`report:${r.readiness.ok ? 'ok' : r.readiness.reason}`),
        error: (e: unknown) => errors.push(e),
      }),
    ];
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    await confirmResults(db, await chairSession(db, ROUND, 'e3'), ROUND);
    await settle();
    subs.forEach((s) => s.unsubscribe());
    expect(errors).toEqual([]);
    expect(seen.filter((s) => s.startsWith('button'))).toEqual(['button:unconfirmed', 'button:ok']);
    expect(seen.filter((s) => s.startsWith('report'))).toEqual(['report:unconfirmed', 'report:ok']);
  });
});

describe('export helpers', () => {
  it('groups the short hash like a key id', () => {
    expect(shortHash('0123456789abcdef' + 'f'.repeat(48))).toBe('0123 4567 89ab cdef');
  });

  it('writes local time with its offset', () => {
    expect(localIsoTime(new Date('2026-11-21T02:00:00Z'))).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/,
    );
  });
});
