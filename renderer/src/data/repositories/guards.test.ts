import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import { encodeBase64 } from '@shared/signing/base64';
import { generateKeyPair } from '@shared/signing/ed25519';
import { openDatabase, type ReviewDeskDb } from '../db';
import { AccessDeniedError, endSession, issueSession, type Session } from '../session/session';
import { memoryKeys } from '../session/memoryKeys';
import { chairSession, expertSession, secretariat } from '../session/testSessions';
import { markCancellation, recordAdjustment } from './adjustmentRepository';
import { auditForRound } from './auditLog';
import { checkInExpert } from './checkInRepository';
import { exportScoreFile, importScoreFiles, resolveExchangeConflict } from './exchangeRepository';
import {
  exportDevicePublicKeyFile,
  registerExpertKey,
  releaseExpertKey,
} from './expertKeyRepository';
import { recordResultExport, type PreparedExport } from './exportRepository';
import {
  addSitePhoto,
  deleteSitePhoto,
  moveSite,
  recordFinding,
  saveSiteNotes,
  setFindingStatus,
  setRouteOrder,
} from './inspectionRepository';
import {
  assignByGroup,
  assignOne,
  declareConflict,
  returnSheet,
  savePanelSettings,
  setRole,
} from './panelRepository';
import { changePin, resetPin } from './pinRepository';
import {
  confirmResults,
  recordChairDecision,
  recordDissent,
  reopenResults,
  settleDeviation,
} from './resultsRepository';
import { importRound } from './roundRepository';
import { readRoundSettings, saveRoundSettings } from './roundSettingsRepository';
import { loadSheet, saveDraft, submitSheet } from './sheetRepository';

const ROUND = 'T-1';
const { round } = tinyRound();
const FAST = 1_000;
let counter = 0;

const pair = generateKeyPair();
const platform = memoryKeys(pair);

/** The round with e3 as chair, e1 with a submitted sheet on P001 and a draft on P002. */
async function scene() {
  const db = await openDatabase(`guards-test-${Date.now()}-${counter++}`);
  await importRound(db, tinyRound(), 'demo');
  const chair = await chairSession(db, ROUND, 'e3');
  const e1 = await expertSession(db, ROUND, 'e1');
  await saveDraft(db, e1, ROUND, 'P001', 'e1', { inputs: { c1: '9', c2: '14' } });
  await submitSheet(db, e1, round.rubric, ROUND, 'P001', 'e1');
  await saveDraft(db, e1, ROUND, 'P002', 'e1', { inputs: { c1: '3' } });
  return {
    db,
    desk: secretariat(),
    chair,
    e1,
    e2: await expertSession(db, ROUND, 'e2'),
    stranger: issueSession({ kind: 'expert', roundId: 'T-2', expertId: 'e1', name: '王建国' }),
  };
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** Every row of every table (Blobs left as they are: no guarded write here stores one). */
async function dump(db: ReviewDeskDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

type Who = 'desk' | 'e1' | 'e2' | 'chair' | 'stranger';

type Write = (db: ReviewDeskDb, session: Session | null) => Promise<unknown>;

interface Guarded {
  name: string;
  /** Who may make the write. */
  allowed: Who[];
  write: Write;
}

const writes = (allowed: Who[], entries: [string, Write][]): Guarded[] =>
  entries.map(([name, write]) => ({ name, allowed, write }));

const prepared = {
  roundId: ROUND,
  fileName: 'T-1-结果.xlsx',
  sha256: '00',
  key: { fingerprint: '00', publicKey: '' },
  digest: '00',
  confirmationVersion: 1,
  payload: { generatedAt: '2026-11-21T10:00:00+08:00' },
} as unknown as PreparedExport;

const guarded: Guarded[] = [
  // The secretariat's: the panel, the round, credentials of others, keys, imports.
  ...writes(
    ['desk'],
    [
      [
        'savePanelSettings',
        (db, s) => savePanelSettings(db, s, ROUND, { sameCityConflict: true, minSheets: 2 }),
      ],
      ['setRole', (db, s) => setRole(db, s, ROUND, 'e1', 'chair')],
      [
        'saveRoundSettings',
        async (db, s) => {
          const { settings } = (await readRoundSettings(db, ROUND))!;
          const next = {
            ...settings,
            minValidSheets: 3,
            quotas: [{ group: '天府技工', count: 1, reserve: 1 }],
          };
          return saveRoundSettings(db, s, ROUND, next, '经主管部门同意设置名额');
        },
      ],
      ['assignByGroup', (db, s) => assignByGroup(db, s, ROUND, {})],
      ['assignOne', (db, s) => assignOne(db, s, ROUND, 'P001', 'e3')],
      ['resetPin', (db, s) => resetPin(db, s, ROUND, 'e1', '7410', FAST)],
      ['checkInExpert', (db, s) => checkInExpert(db, s, ROUND, 'e1')],
      [
        'registerExpertKey',
        (db, s) => registerExpertKey(db, s, ROUND, 'e1', encodeBase64(pair.publicKey), 'file'),
      ],
      ['releaseExpertKey', (db, s) => releaseExpertKey(db, s, ROUND, 'e1', '换电脑')],
      ['importScoreFiles', (db, s) => importScoreFiles(db, s, ROUND, [])],
      ['reopenResults', (db, s) => reopenResults(db, s, ROUND, '复核')],
      [
        'recordAdjustment',
        (db, s) =>
          recordAdjustment(db, s, {
            roundId: ROUND,
            packetId: 'P001',
            action: 'cancel',
            basis: '',
            reason: '通报',
            decidedOn: '2026-11-21',
            decidedBy: '主管部门',
          }),
      ],
    ],
  ),
  // The expert's own: their sheets, their 复核 and 保留意见, their score file and key, their PIN.
  ...writes(
    ['e1'],
    [
      ['saveDraft', (db, s) => saveDraft(db, s, ROUND, 'P002', 'e1', { inputs: { c1: '5' } })],
      ['submitSheet', (db, s) => submitSheet(db, s, round.rubric, ROUND, 'P002', 'e1')],
      [
        'settleDeviation',
        (db, s) => settleDeviation(db, s, ROUND, 'P001', 'e1', 1, 'confirmed', '无误'),
      ],
      ['recordDissent', (db, s) => recordDissent(db, s, ROUND, 'e1', '保留意见')],
      ['exportScoreFile', (db, s) => exportScoreFile(db, s, platform, ROUND, 'e1')],
      [
        'exportDevicePublicKeyFile',
        (db, s) => exportDevicePublicKeyFile(db, s, platform, ROUND, 'e1'),
      ],
    ],
  ),
  // Each expert changes only their own PIN: whoever's session it is, it is that expert's PIN.
  {
    name: 'changePin',
    allowed: ['e1', 'e2', 'chair', 'stranger'],
    write: (db, s) => changePin(db, s, '8520', '8520', FAST),
  },
  {
    name: 'declareConflict',
    allowed: ['e1', 'desk'],
    write: (db, s) => declareConflict(db, s, ROUND, 'P002', 'e1', '同单位'),
  },
  // The chair's, checked against the role inside the transaction.
  ...writes(
    ['chair'],
    [
      ['returnSheet', (db, s) => returnSheet(db, s, ROUND, 'P001', 'e1', '请复核')],
      ['recordChairDecision', (db, s) => recordChairDecision(db, s, ROUND, 'P001', '入选', '理由')],
      ['confirmResults', (db, s) => confirmResults(db, s, ROUND)],
      [
        'resolveExchangeConflict',
        (db, s) => resolveExchangeConflict(db, s, ROUND, 'none', 'kept-held', '理由'),
      ],
      ['markCancellation', (db, s) => markCancellation(db, s, ROUND, 'P001', '理由')],
    ],
  ),
  {
    name: 'recordResultExport',
    allowed: ['desk', 'chair'],
    write: (db, s) => recordResultExport(db, s, prepared, '/tmp/x.xlsx'),
  },
  // Field records: whoever is on site with the laptop unlocked, for this round.
  ...writes(
    ['desk', 'e1', 'e2', 'chair'],
    [
      ['setRouteOrder', (db, s) => setRouteOrder(db, s, ROUND, ['P002', 'P001'])],
      ['moveSite', (db, s) => moveSite(db, s, ROUND, 'P002', -1)],
      ['saveSiteNotes', (db, s) => saveSiteNotes(db, s, ROUND, 'P001', '已到场')],
      [
        'addSitePhoto',
        (db, s) =>
          addSitePhoto(db, s, {
            roundId: ROUND,
            packetId: 'P001',
            blob: new Blob([new Uint8Array([1])], { type: 'image/png' }),
            name: 'a.png',
            source: 'file',
            takenAt: new Date(),
          }),
      ],
      ['deleteSitePhoto', (db, s) => deleteSitePhoto(db, s, ROUND, 'none')],
      [
        'recordFinding',
        (db, s) =>
          recordFinding(db, s, {
            roundId: ROUND,
            packetId: 'P001',
            severity: '一般',
            description: '消防通道堵塞',
            owner: '申报单位',
            dueDate: '',
          }),
      ],
      ['setFindingStatus', (db, s) => setFindingStatus(db, s, ROUND, 'none', 'closed')],
    ],
  ),
];

const everyone: Who[] = ['desk', 'e1', 'e2', 'chair', 'stranger'];

async function refusedUnchanged(db: ReviewDeskDb, write: () => Promise<unknown>) {
  const before = await dump(db);
  await expect(write()).rejects.toBeInstanceOf(AccessDeniedError);
  expect(await dump(db)).toEqual(before);
}

describe('every guarded write', () => {
  it.each(guarded.map((g) => [g.name, g] as const))(
    '%s: refused without a session, with a forged or ended one, or the wrong role; nothing written',
    async (_name, { allowed, write }) => {
      const s = await scene();
      await refusedUnchanged(s.db, () => write(s.db, null));
      for (const who of allowed) {
        const real = s[who];
        // A copy of a real session is a forgery: only the object the credential check issued counts.
        await refusedUnchanged(s.db, () => write(s.db, { ...real } as Session));
      }
      const ended = issueSession(s[allowed[0]!].actor);
      endSession(ended);
      await refusedUnchanged(s.db, () => write(s.db, ended));
      for (const who of everyone.filter((w) => !allowed.includes(w)))
        await refusedUnchanged(s.db, () => write(s.db, s[who as keyof Scene] as Session));
      // The right session passes the guard (the write may still fail for reasons of its own).
      for (const who of allowed) {
        const outcome = await write(s.db, s[who]).catch((error: unknown) => error);
        expect(outcome).not.toBeInstanceOf(AccessDeniedError);
      }
    },
  );
});

describe('who writes a sheet', () => {
  it('another expert’s session cannot write e1’s sheet, and nothing is written', async () => {
    const s = await scene();
    const before = await loadSheet(s.db, ROUND, 'P002', 'e1');
    await refusedUnchanged(s.db, () =>
      saveDraft(s.db, s.e2, ROUND, 'P002', 'e1', { inputs: { c1: '10' } }),
    );
    await refusedUnchanged(s.db, () =>
      submitSheet(s.db, s.chair, round.rubric, ROUND, 'P002', 'e1'),
    );
    await refusedUnchanged(s.db, () =>
      saveDraft(s.db, s.desk, ROUND, 'P002', 'e1', { inputs: { c1: '10' } }),
    );
    expect(await loadSheet(s.db, ROUND, 'P002', 'e1')).toEqual(before);
  });
});

describe('the chair', () => {
  it('is appointed only by the secretariat: an expert cannot make themselves 组长', async () => {
    const s = await scene();
    await refusedUnchanged(s.db, () => setRole(s.db, s.e1, ROUND, 'e1', 'chair'));
    await refusedUnchanged(s.db, () => returnSheet(s.db, s.e1, ROUND, 'P001', 'e1', '我自己退回'));
  });

  it('loses the chair’s rights the moment the secretariat appoints another, even unlocked', async () => {
    const s = await scene();
    await setRole(s.db, s.desk, ROUND, 'e2', 'chair');
    await refusedUnchanged(s.db, () => returnSheet(s.db, s.chair, ROUND, 'P001', 'e1', '请复核'));
    await returnSheet(s.db, s.e2, ROUND, 'P001', 'e1', '请复核');
    expect((await loadSheet(s.db, ROUND, 'P001', 'e1')).status).toBe('returned');
  });
});

describe('the audit log', () => {
  it('names the real actor of every write: 秘书处, the expert, the chair', async () => {
    const s = await scene();
    await setRole(s.db, s.desk, ROUND, 'e2', 'standby');
    await returnSheet(s.db, s.chair, ROUND, 'P001', 'e1', '请复核');
    await declareConflict(s.db, s.e1, ROUND, 'P002', 'e1', '本人曾在该单位任职');
    expect((await auditForRound(s.db, ROUND)).map((a) => [a.action, a.actor])).toEqual([
      ['round.import', '秘书处'],
      ['sheet.submit', '王建国（e1）'],
      ['panel.role', '秘书处'],
      ['sheet.return', '组长 张伟（e3）'],
      ['sheet.conflict', '王建国（e1）'],
    ]);
  });
});
