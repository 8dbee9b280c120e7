import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import {
  BAD_SIGNATURE_MESSAGE,
  serializeScoreFile,
  signScoreFile,
} from '@shared/formats/scoreFile';
import type { KeyCustody } from '@shared/platform/Platform';
import { generateKeyPair } from '@shared/signing/ed25519';
import { confirmResults } from './resultsRepository';
import { openDatabase, type ReviewDeskDb } from '../db';
import { auditForRound, checkAuditChain } from './auditLog';
import {
  exportScoreFile,
  exportableSheetCount,
  importScoreFiles,
  listExpertKeys,
  openExchangeConflicts,
  releaseExpertKey,
  resolveExchangeConflict,
  type ScoreFileReport,
} from './exchangeRepository';
import { declareConflict, returnSheet } from './panelRepository';
import { importRound } from './roundRepository';
import {
  expertProgress,
  loadSheet,
  packetProgress,
  saveDraft,
  submitSheet,
} from './sheetRepository';
import { AccessDeniedError } from '../session/session';
import { memoryKeys } from '../session/memoryKeys';
import { chairSession, expertSession, secretariat as deskSession } from '../session/testSessions';
import { registerExpertKey } from './expertKeyRepository';

let counter = 0;
const freshDb = async () => {
  const db = await openDatabase(`exchange-test-${Date.now()}-${counter++}`);
  await importRound(db, tinyRound(), 'demo');
  return db;
};
const { round } = tinyRound();

const testKeys = memoryKeys;

/** An expert's laptop: the round loaded, one sheet scored and submitted. */
async function expertLaptop(scores = { c1: '8', c2: '12.5' }, packetId = 'P001') {
  const db = await freshDb();
  await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', packetId, 'e1', {
    inputs: scores,
  });
  const submitted = await submitSheet(
    db,
    await expertSession(db, 'T-1', 'e1'),
    round.rubric,
    'T-1',
    packetId,
    'e1',
  );
  if (!submitted.ok) throw new Error('submit failed');
  return db;
}

async function exportFile(db: ReviewDeskDb, platform: { keys: KeyCustody }) {
  const exported = await exportScoreFile(
    db,
    await expertSession(db, 'T-1', 'e1'),
    platform,
    'T-1',
    'e1',
  );
  return { name: exported.fileName, bytes: exported.bytes, exported };
}

async function snapshot(db: ReviewDeskDb) {
  return {
    sheets: await db.sheets.toArray(),
    conflicts: await db.conflicts.toArray(),
    keys: await db.expertKeys.toArray(),
    exchangeConflicts: await db.exchangeConflicts.toArray(),
    audit: await db.audit.toArray(),
  };
}

/** The secretariat's laptop with e1's key (the platform's) registered at 签到. */
async function registeredDesk(platform: { keys: KeyCustody }, expertId = 'e1') {
  const db = await freshDb();
  const key = (await platform.keys.info()) ?? (await platform.keys.create());
  const outcome = await registerExpertKey(
    db,
    deskSession(),
    'T-1',
    expertId,
    key.publicKey,
    'file',
  );
  if (!outcome.ok) throw new Error(outcome.message);
  return db;
}

const only = (reports: ScoreFileReport[]) => {
  expect(reports).toHaveLength(1);
  return reports[0]!;
};

describe('exportScoreFile', () => {
  it('creates the device key on first use, signs the submitted sheets and logs the export', async () => {
    const db = await expertLaptop();
    await saveDraft(db, await expertSession(db, 'T-1', 'e1'), 'T-1', 'P002', 'e1', {
      inputs: { c1: '1' },
    });
    const platform = testKeys();
    expect(await platform.keys.info()).toBeNull();
    expect(await exportableSheetCount(db, 'T-1', 'e1')).toBe(1);

    const { exported } = await exportFile(db, platform);
    const key = await platform.keys.info();
    expect(exported).toMatchObject({
      fileName: 'e1.scores.json',
      fingerprint: key!.fingerprint,
      sheetCount: 1,
    });
    const json = JSON.parse(new TextDecoder().decode(exported.bytes));
    expect(json).toMatchObject({
      format: 'review-desk/scores@1',
      roundId: 'T-1',
      expert: { id: 'e1', name: '王建国' },
      sheets: [{ packetId: 'P001', status: 'submitted', scores: { c1: 8, c2: 12.5 }, revision: 1 }],
      signature: { alg: 'Ed25519', publicKey: key!.publicKey },
    });
    // The same key signs again: no second key is created.
    expect((await exportFile(db, platform)).exported.fingerprint).toBe(key!.fingerprint);
    expect((await auditForRound(db, 'T-1')).map((a) => a.action)).toEqual([
      'round.import',
      'sheet.submit',
      'exchange.export',
      'exchange.export',
    ]);
  });

  it('refuses to hand out a file the device key did not sign correctly', async () => {
    const db = await expertLaptop();
    const platform = testKeys(generateKeyPair());
    const liar: KeyCustody = { ...platform.keys, sign: async () => new Uint8Array(64) };
    await expect(
      exportScoreFile(db, await expertSession(db, 'T-1', 'e1'), { keys: liar }, 'T-1', 'e1'),
    ).rejects.toThrow(/校验失败/);
  });
});

describe('importScoreFiles', () => {
  it('round-trips a sheet to a fresh laptop: key registered, sheet added, progress counted, logged', async () => {
    const platform = testKeys();
    const file = await exportFile(await expertLaptop(), platform);
    const secretariat = await registeredDesk(platform);

    const report = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [file]));
    expect(report).toMatchObject({
      fileName: 'e1.scores.json',
      outcome: 'imported',
      expert: { id: 'e1', name: '王建国' },
      keyFingerprint: file.exported.fingerprint,
      counts: { add: 1, same: 0, replace: 0, stale: 0, conflict: 0 },
      sheets: [{ packetId: 'P001', action: 'add', revision: 1 }],
    });
    expect(await loadSheet(secretariat, 'T-1', 'P001', 'e1')).toMatchObject({
      status: 'submitted',
      revision: 1,
      scores: { c1: 8, c2: 12.5 },
      inputs: { c1: '8', c2: '12.5' },
    });
    expect((await packetProgress(secretariat, 'T-1')).get('P001')).toEqual({
      assigned: 3,
      submitted: 1,
    });
    expect(await listExpertKeys(secretariat, 'T-1')).toMatchObject([
      {
        expertId: 'e1',
        expertName: '王建国',
        fingerprint: file.exported.fingerprint,
        registered: true,
      },
    ]);
    const audit = await auditForRound(secretariat, 'T-1');
    expect(audit.map((a) => a.action)).toEqual([
      'round.import',
      'expert.key.register',
      'exchange.add',
    ]);
    expect(audit[2]).toMatchObject({ subject: 'P001/e1', actor: '秘书处' });
    expect(audit[2]!.detail).toContain('第 1 版');
  });

  it('is a no-op the second time: every sheet `same`, no new audit entry, nothing rewritten', async () => {
    const platform = testKeys();
    const file = await exportFile(await expertLaptop(), platform);
    const secretariat = await registeredDesk(platform);
    await importScoreFiles(secretariat, deskSession(), 'T-1', [file]);
    const before = await snapshot(secretariat);

    const report = only(
      await importScoreFiles(secretariat, deskSession(), 'T-1', [file, file]).then((r) => [r[1]!]),
    );
    expect(report).toMatchObject({
      outcome: 'imported',
      counts: { add: 0, same: 1, replace: 0, stale: 0, conflict: 0 },
    });
    expect(await snapshot(secretariat)).toEqual(before);
  });

  it('replaces an older revision with a newer one, logs it, and ignores the older file afterwards', async () => {
    const platform = testKeys();
    const expert = await expertLaptop();
    const first = await exportFile(expert, platform);
    // The chair returns the sheet on the expert's laptop; the expert revises and resubmits.
    await returnSheet(
      expert,
      await chairSession(expert, 'T-1', 'e3'),
      'T-1',
      'P001',
      'e1',
      '课程体系打分偏低，请复核',
    );
    await saveDraft(expert, await expertSession(expert, 'T-1', 'e1'), 'T-1', 'P001', 'e1', {
      inputs: { c1: '8', c2: '14' },
    });
    expect(
      (
        await submitSheet(
          expert,
          await expertSession(expert, 'T-1', 'e1'),
          round.rubric,
          'T-1',
          'P001',
          'e1',
        )
      ).ok,
    ).toBe(true);
    const second = await exportFile(expert, platform);

    const secretariat = await registeredDesk(platform);
    await importScoreFiles(secretariat, deskSession(), 'T-1', [first]);
    const report = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [second]));
    expect(report.sheets).toEqual([
      { packetId: 'P001', action: 'replace', revision: 2, heldRevision: 1, note: 'newer-revision' },
    ]);
    expect(await loadSheet(secretariat, 'T-1', 'P001', 'e1')).toMatchObject({
      revision: 2,
      scores: { c2: 14 },
    });
    const last = (await auditForRound(secretariat, 'T-1')).at(-1)!;
    expect(last.action).toBe('exchange.replace');
    expect(last.detail).toContain('第 1 版（已提交）→ 第 2 版（已提交）');

    const before = await snapshot(secretariat);
    const stale = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [first]));
    expect(stale.sheets).toEqual([
      { packetId: 'P001', action: 'stale', revision: 1, heldRevision: 2, note: 'older-revision' },
    ]);
    expect(await snapshot(secretariat)).toEqual(before);
  });

  it('carries a 回避 declaration with its reason into the 回避 register', async () => {
    const platform = testKeys();
    const expert = await freshDb();
    await saveDraft(expert, await expertSession(expert, 'T-1', 'e1'), 'T-1', 'P002', 'e1', {
      inputs: { c1: '3' },
    });
    await declareConflict(
      expert,
      await expertSession(expert, 'T-1', 'e1'),
      'T-1',
      'P002',
      'e1',
      '本人曾在该单位任职',
    );
    const file = await exportFile(expert, platform);
    const secretariat = await registeredDesk(platform);
    const report = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [file]));
    expect(report.counts.add).toBe(1);
    expect(await loadSheet(secretariat, 'T-1', 'P002', 'e1')).toMatchObject({
      status: 'conflict',
      conflictReason: '本人曾在该单位任职',
      scores: {},
      revision: 1,
    });
    expect(await secretariat.conflicts.get('T-1:P002:e1')).toMatchObject({
      reason: '本人曾在该单位任职',
    });
    expect(await expertProgress(secretariat, 'T-1', 'e1')).toMatchObject({ conflicts: 1 });
  });

  it('records two different sheets of the same revision as one conflict for the chair, however often imported', async () => {
    // Two profiles on the expert's laptop (same device key), each with its own revision 1.
    const platform = testKeys();
    const a = await exportFile(await expertLaptop({ c1: '8', c2: '12.5' }), platform);
    const b = await exportFile(await expertLaptop({ c1: '9', c2: '12.5' }), platform);
    const secretariat = await registeredDesk(platform);
    await importScoreFiles(secretariat, deskSession(), 'T-1', [a]);

    const report = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [b]));
    expect(report.counts).toEqual({ add: 0, same: 0, replace: 0, stale: 0, conflict: 1 });
    expect(report.sheets[0]).toMatchObject({ action: 'conflict', note: 'same-revision' });
    expect((await loadSheet(secretariat, 'T-1', 'P001', 'e1')).scores.c1).toBe(8);
    const open = await openExchangeConflicts(secretariat, 'T-1');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      expertName: '王建国',
      packetTitle: '项目1',
      held: { revision: 1, scores: { c1: 8 } },
      conflict: {
        status: 'open',
        incomingFile: 'e1.scores.json',
        incoming: { revision: 1, scores: { c1: 9, c2: 12.5 } },
      },
    });
    expect((await auditForRound(secretariat, 'T-1')).at(-1)!.action).toBe('exchange.conflict');

    const before = await snapshot(secretariat);
    expect(
      only(await importScoreFiles(secretariat, deskSession(), 'T-1', [b])).counts.conflict,
    ).toBe(1);
    expect(await snapshot(secretariat)).toEqual(before);
  });

  it('applies the chair’s resolution with a required reason, and logs it', async () => {
    const platform = testKeys();
    const a = await exportFile(await expertLaptop({ c1: '8', c2: '12.5' }), platform);
    const b = await exportFile(await expertLaptop({ c1: '9', c2: '12.5' }), platform);
    const secretariat = await registeredDesk(platform);
    await importScoreFiles(secretariat, deskSession(), 'T-1', [a, b]);
    const [open] = await openExchangeConflicts(secretariat, 'T-1');
    const key = open!.conflict.key;

    await expect(
      resolveExchangeConflict(
        secretariat,
        await chairSession(secretariat, 'T-1', 'e3'),
        'T-1',
        key,
        'took-incoming',
        '  ',
      ),
    ).rejects.toThrow(/理由/);
    expect((await secretariat.exchangeConflicts.get(key))!.status).toBe('open');

    await resolveExchangeConflict(
      secretariat,
      await chairSession(secretariat, 'T-1', 'e3'),
      'T-1',
      key,
      'took-incoming',
      '专家确认第二份为准',
    );
    expect((await loadSheet(secretariat, 'T-1', 'P001', 'e1')).scores.c1).toBe(9);
    expect(await secretariat.exchangeConflicts.get(key)).toMatchObject({
      status: 'took-incoming',
      resolvedBy: '张伟',
      resolutionReason: '专家确认第二份为准',
    });
    expect(await openExchangeConflicts(secretariat, 'T-1')).toEqual([]);
    const last = (await auditForRound(secretariat, 'T-1')).at(-1)!;
    expect(last).toMatchObject({ action: 'exchange.resolve', actor: '组长 张伟（e3）' });
    expect(last.detail).toContain('专家确认第二份为准');
    await expect(
      resolveExchangeConflict(
        secretariat,
        await chairSession(secretariat, 'T-1', 'e3'),
        'T-1',
        key,
        'kept-held',
        '再来一次',
      ),
    ).rejects.toThrow(/已处理/);

    // The file taken is now what is held: importing it again is a no-op.
    const reports = await importScoreFiles(secretariat, deskSession(), 'T-1', [b]);
    expect(only(reports).counts.same).toBe(1);
    expect(await checkAuditChain(secretariat, 'T-1')).toMatchObject({ intact: true });
  });

  it('keeps the held sheet when the chair says so, and does not ask again for the same file', async () => {
    const platform = testKeys();
    const a = await exportFile(await expertLaptop({ c1: '8', c2: '12.5' }), platform);
    const b = await exportFile(await expertLaptop({ c1: '9', c2: '12.5' }), platform);
    const secretariat = await registeredDesk(platform);
    await importScoreFiles(secretariat, deskSession(), 'T-1', [a, b]);
    const [open] = await openExchangeConflicts(secretariat, 'T-1');
    await resolveExchangeConflict(
      secretariat,
      await chairSession(secretariat, 'T-1', 'e3'),
      'T-1',
      open!.conflict.key,
      'kept-held',
      '以现场纸质表为准',
    );
    expect((await loadSheet(secretariat, 'T-1', 'P001', 'e1')).scores.c1).toBe(8);
    const before = await snapshot(secretariat);
    const again = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [b]));
    expect(again.sheets[0]).toMatchObject({ action: 'stale', note: 'already-resolved' });
    expect(await snapshot(secretariat)).toEqual(before);
  });
});

describe('importScoreFiles refuses, and then changes nothing', () => {
  async function secretariatWithE1() {
    const platform = testKeys();
    const file = await exportFile(await expertLaptop(), platform);
    const secretariat = await registeredDesk(platform);
    await importScoreFiles(secretariat, deskSession(), 'T-1', [file]);
    return { secretariat, platform, file };
  }

  it('a file arriving after the chair confirmed the results: the lock message', async () => {
    const { secretariat, platform } = await secretariatWithE1();
    await confirmResults(secretariat, await chairSession(secretariat, 'T-1', 'e3'), 'T-1');
    const laptop = await expertLaptop();
    await saveDraft(laptop, await expertSession(laptop, 'T-1', 'e1'), 'T-1', 'P002', 'e1', {
      inputs: { c1: '7', c2: '11' },
    });
    await submitSheet(
      laptop,
      await expertSession(laptop, 'T-1', 'e1'),
      round.rubric,
      'T-1',
      'P002',
      'e1',
    );
    const late = await exportFile(laptop, platform);
    const before = await snapshot(secretariat);
    const report = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [late]));
    expect(report.outcome).toBe('refused');
    expect(report.problems.join('')).toMatch(/已由专家组组长确认（第 1 版）/);
    expect(await snapshot(secretariat)).toEqual(before);
  });

  it('a tampered file: the signature message', async () => {
    const { secretariat, file } = await secretariatWithE1();
    const text = new TextDecoder().decode(file.bytes).replace('"c2": 12.5', '"c2": 15');
    expect(text).not.toBe(new TextDecoder().decode(file.bytes));
    const before = await snapshot(secretariat);
    const report = only(
      await importScoreFiles(secretariat, deskSession(), 'T-1', [
        { name: 'e1.scores.json', bytes: new TextEncoder().encode(text) },
      ]),
    );
    expect(report).toMatchObject({
      outcome: 'refused',
      problems: [`e1.scores.json › signature：${BAD_SIGNATURE_MESSAGE}`],
    });
    expect(await snapshot(secretariat)).toEqual(before);
  });

  it('a file signed by a key other than the expert’s registered one: both fingerprints', async () => {
    const { secretariat, platform } = await secretariatWithE1();
    const otherLaptop = testKeys();
    const foreign = await exportFile(await expertLaptop({ c1: '10', c2: '15' }), otherLaptop);
    const before = await snapshot(secretariat);
    const report = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [foreign]));
    expect(report.outcome).toBe('refused');
    expect(report.problems[0]).toContain(`已登记 ${(await platform.keys.info())!.fingerprint}`);
    expect(report.problems[0]).toContain(`本文件 ${foreign.exported.fingerprint}`);
    expect(await snapshot(secretariat)).toEqual(before);
  });

  it('a key released by the secretariat (laptop replaced) accepts nothing until a new one is registered', async () => {
    const { secretariat, platform } = await secretariatWithE1();
    const oldFingerprint = (await platform.keys.info())!.fingerprint;
    const newLaptop = testKeys();
    const replacement = await exportFile(await expertLaptop({ c1: '10', c2: '15' }), newLaptop);
    expect(
      only(await importScoreFiles(secretariat, deskSession(), 'T-1', [replacement])).outcome,
    ).toBe('refused');

    const before = await snapshot(secretariat);
    await expect(releaseExpertKey(secretariat, deskSession(), 'T-1', 'e1', '  ')).rejects.toThrow(
      /原因/,
    );
    await expect(
      releaseExpertKey(secretariat, deskSession(), 'T-1', 'e2', '换电脑'),
    ).rejects.toThrow(/还没有登记签名公钥/);
    await expect(
      releaseExpertKey(
        secretariat,
        await expertSession(secretariat, 'T-1', 'e1'),
        'T-1',
        'e1',
        '换电脑',
      ),
    ).rejects.toThrow(AccessDeniedError);
    expect(await snapshot(secretariat)).toEqual(before);

    await releaseExpertKey(secretariat, deskSession(), 'T-1', 'e1', '原电脑损坏，换用备用电脑');
    const release = (await auditForRound(secretariat, 'T-1')).at(-1)!;
    expect(release).toMatchObject({ action: 'expert.key.release', actor: '秘书处', subject: 'e1' });
    expect(release.detail).toContain(oldFingerprint);
    expect(release.detail).toContain('原电脑损坏，换用备用电脑');
    // Released is not open: the replacement is still refused, now for want of any key.
    const unregistered = only(
      await importScoreFiles(secretariat, deskSession(), 'T-1', [replacement]),
    );
    expect(unregistered.problems[0]).toContain('尚未登记签名公钥');

    const newKey = (await newLaptop.keys.info())!.publicKey;
    await registerExpertKey(secretariat, deskSession(), 'T-1', 'e1', newKey, 'file');
    const report = only(await importScoreFiles(secretariat, deskSession(), 'T-1', [replacement]));
    expect(report.outcome).toBe('imported');
    expect((await listExpertKeys(secretariat, 'T-1')).map((k) => k.fingerprint)).toEqual([
      replacement.exported.fingerprint,
    ]);
    expect(await checkAuditChain(secretariat, 'T-1')).toMatchObject({ intact: true });
  });

  it('a file whose sheet the rubric does not allow: no key registered, no sheet written', async () => {
    const secretariat = await freshDb();
    const pair = generateKeyPair();
    const signed = signScoreFile(
      {
        format: 'review-desk/scores@1',
        roundId: 'T-1',
        expert: { id: 'e2', name: '李秀英' },
        sheets: [
          {
            packetId: 'P001',
            status: 'submitted',
            scores: { c1: 8, c2: 12.5 },
            vetoes: {},
            vetoReasons: {},
            comment: '',
            conflictReason: '',
            revision: 1,
            submittedAt: '2026-11-20T10:00:00+08:00',
          },
          {
            packetId: 'P002',
            status: 'submitted',
            scores: { c1: 10.5, c2: 12.5 },
            vetoes: {},
            vetoReasons: {},
            comment: '',
            conflictReason: '',
            revision: 1,
            submittedAt: '2026-11-20T10:00:00+08:00',
          },
        ],
      },
      pair.seed,
    );
    const before = await snapshot(secretariat);
    const report = only(
      await importScoreFiles(secretariat, deskSession(), 'T-1', [
        { name: 'e2.scores.json', bytes: new TextEncoder().encode(serializeScoreFile(signed)) },
      ]),
    );
    expect(report).toMatchObject({
      outcome: 'refused',
      problems: ['e2.scores.json › 李秀英（e2） › P002 › c1：设施设备：超过满分 10 分'],
    });
    expect(await snapshot(secretariat)).toEqual(before);
  });

  it('a file of another round, or for a round this laptop does not hold', async () => {
    const file = await exportFile(await expertLaptop(), testKeys());
    const other = await openDatabase(`exchange-test-${Date.now()}-${counter++}`);
    await importRound(other, tinyRound('T-2'), 'demo');
    const before = await snapshot(other);
    expect(only(await importScoreFiles(other, deskSession(), 'T-2', [file])).problems[0]).toContain(
      '这是评审“T-1”的评分文件，当前评审是“T-2”',
    );
    expect(only(await importScoreFiles(other, deskSession(), 'T-9', [file])).problems[0]).toContain(
      '本机没有评审“T-9”',
    );
    expect(await snapshot(other)).toEqual(before);
  });

  it('one bad file in a batch does not stop the good ones', async () => {
    const platform = testKeys();
    const good = await exportFile(await expertLaptop(), platform);
    const secretariat = await registeredDesk(platform);
    const reports = await importScoreFiles(secretariat, deskSession(), 'T-1', [
      { name: 'notes.txt', bytes: new TextEncoder().encode('hello') },
      good,
    ]);
    expect(reports.map((r) => r.outcome)).toEqual(['refused', 'imported']);
    expect(reports[1]!.counts.add).toBe(1);
  });
});
