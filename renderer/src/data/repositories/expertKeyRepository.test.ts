import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tinyRound } from '../../../../test/fixtures/tinyRound';
import {
  EXPERT_KEYS_FORMAT,
  readExpertKeys,
  serializeExpertKeys,
} from '@shared/formats/expertKeys';
import { serializeScoreFile, signScoreFile } from '@shared/formats/scoreFile';
import { encodeBase64 } from '@shared/signing/base64';
import { generateKeyPair, type Ed25519KeyPair } from '@shared/signing/ed25519';
import { keyFingerprint } from '@shared/signing/hash';
import { openDatabase, type ReviewDeskDb } from '../db';
import { memoryKeys } from '../session/memoryKeys';
import { expertSession, secretariat } from '../session/testSessions';
import { auditForRound } from './auditLog';
import { exportScoreFile, importScoreFiles } from './exchangeRepository';
import {
  exportDevicePublicKeyFile,
  expertKeysFileFor,
  listExpertKeys,
  readExpertPublicKeyFile,
  registerExpertKey,
} from './expertKeyRepository';
import { importRound } from './roundRepository';
import { loadSheet } from './sheetRepository';

const ROUND = 'T-1';
let counter = 0;

async function freshDb() {
  const db = await openDatabase(`expert-key-test-${Date.now()}-${counter++}`);
  await importRound(db, tinyRound(), 'demo');
  return db;
}

const b64 = (pair: Ed25519KeyPair) => encodeBase64(pair.publicKey);
const fp = (pair: Ed25519KeyPair) => keyFingerprint(pair.publicKey);

const deviceKeys = (pair: Ed25519KeyPair) => memoryKeys(pair);

/** A score file for `expertId`, one submitted sheet on P001, signed with `pair`. */
function scoreFile(pair: Ed25519KeyPair, expertId = 'e1', name = '王建国') {
  const signed = signScoreFile(
    {
      format: 'review-desk/scores@1',
      roundId: ROUND,
      expert: { id: expertId, name },
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
      ],
    },
    pair.seed,
  );
  return {
    name: `${expertId}.scores.json`,
    bytes: new TextEncoder().encode(serializeScoreFile(signed)),
  };
}

async function rows(db: ReviewDeskDb) {
  return {
    sheets: await db.sheets.toArray(),
    keys: await db.expertKeys.toArray(),
    audit: await db.audit.toArray(),
  };
}

describe('registered keys decide which score files count', () => {
  it('refuses a file while no key is registered, saying how to register; never takes the key from the file', async () => {
    const db = await freshDb();
    const laptop = generateKeyPair();
    const before = await rows(db);
    const [report] = await importScoreFiles(db, secretariat(), ROUND, [scoreFile(laptop)]);
    expect(report).toMatchObject({ outcome: 'refused' });
    expect(report!.problems[0]).toContain('尚未登记签名公钥');
    expect(report!.problems[0]).toContain(fp(laptop));
    expect(report!.problems[0]).toContain('签到');
    expect(await rows(db)).toEqual(before);
  });

  it('refuses a file signed by another key with both fingerprints; registering that key (with a reason) then accepts it', async () => {
    const db = await freshDb();
    const registered = generateKeyPair();
    const other = generateKeyPair();
    expect(
      await registerExpertKey(db, secretariat(), ROUND, 'e1', b64(registered), 'file'),
    ).toEqual({ ok: true, fingerprint: fp(registered) });
    const before = await rows(db);
    const [refused] = await importScoreFiles(db, secretariat(), ROUND, [scoreFile(other)]);
    expect(refused!.outcome).toBe('refused');
    expect(refused!.problems[0]).toContain(`已登记 ${fp(registered)}`);
    expect(refused!.problems[0]).toContain(`本文件 ${fp(other)}`);
    expect(refused!.problems[0]).toContain('王建国（e1）');
    expect(await rows(db)).toEqual(before);

    // Another key for an expert who has one: only with a reason, and the audit says so.
    expect(
      await registerExpertKey(db, secretariat(), ROUND, 'e1', b64(other), 'file'),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/须写明原因/) });
    expect(
      await registerExpertKey(db, secretariat(), ROUND, 'e1', b64(other), 'file', '专家换用新电脑'),
    ).toEqual({ ok: true, fingerprint: fp(other) });
    const [accepted] = await importScoreFiles(db, secretariat(), ROUND, [scoreFile(other)]);
    expect(accepted!.outcome).toBe('imported');
    expect((await loadSheet(db, ROUND, 'P001', 'e1')).scores).toEqual({ c1: 8, c2: 12.5 });
    const audit = await auditForRound(db, ROUND);
    expect(audit.filter((a) => a.action.startsWith('expert.key'))).toMatchObject([
      { action: 'expert.key.register', actor: '秘书处', subject: 'e1' },
      { action: 'expert.key.reregister', actor: '秘书处', subject: 'e1' },
    ]);
    expect(audit.find((a) => a.action === 'expert.key.reregister')!.detail).toContain(
      '专家换用新电脑',
    );
  });

  it('one key belongs to one expert: refused for a second expert, and a file it signs for them names the owner', async () => {
    const db = await freshDb();
    const key = generateKeyPair();
    await registerExpertKey(db, secretariat(), ROUND, 'e1', b64(key), 'file');
    const second = await registerExpertKey(db, secretariat(), ROUND, 'e2', b64(key), 'file');
    expect(second).toMatchObject({
      ok: false,
      message: expect.stringMatching(/已登记给专家王建国（e1）/),
    });
    expect((await listExpertKeys(db, ROUND)).map((k) => k.expertId)).toEqual(['e1']);

    await registerExpertKey(db, secretariat(), ROUND, 'e2', b64(generateKeyPair()), 'file');
    const [forged] = await importScoreFiles(db, secretariat(), ROUND, [
      scoreFile(key, 'e2', '李秀英'),
    ]);
    expect(forged!.outcome).toBe('refused');
    expect(forged!.problems[0]).toContain('该密钥登记给了专家王建国（e1）');
  });

  it('a key an older version took from a score file counts for nothing until registered', async () => {
    const db = await freshDb();
    const laptop = generateKeyPair();
    await db.expertKeys.put({
      key: `${ROUND}:e1`,
      roundId: ROUND,
      expertId: 'e1',
      publicKey: b64(laptop),
      fingerprint: fp(laptop),
      firstSeenIn: 'e1.scores.json',
      firstSeenAt: '2026-11-20T09:00:00.000Z',
    });
    const [report] = await importScoreFiles(db, secretariat(), ROUND, [scoreFile(laptop)]);
    expect(report!.problems[0]).toContain('尚未登记签名公钥');
    expect(await listExpertKeys(db, ROUND)).toMatchObject([{ expertId: 'e1', registered: false }]);
    expect((await expertKeysFileFor(db, ROUND)).experts).toEqual([]);
    // Registering it needs no reason: nothing was registered before.
    expect(
      await registerExpertKey(db, secretariat(), ROUND, 'e1', b64(laptop), 'file'),
    ).toMatchObject({
      ok: true,
    });
  });

  it('refuses a key that is not a canonical 32-byte Ed25519 key, and an expert not in the round', async () => {
    const db = await freshDb();
    const key = b64(generateKeyPair());
    expect(
      await registerExpertKey(db, secretariat(), ROUND, 'e1', key.slice(0, -4), 'file'),
    ).toMatchObject({ ok: false });
    expect(await registerExpertKey(db, secretariat(), ROUND, 'e9', key, 'file')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/没有专家 e9/),
    });
    expect(await db.expertKeys.count()).toBe(0);
  });
});

describe('the public-key file and the registration file', () => {
  it('carries the expert laptop’s key to the secretariat, fingerprints side by side', async () => {
    const expertLaptop = await freshDb();
    const pair = generateKeyPair();
    const exported = await exportDevicePublicKeyFile(
      expertLaptop,
      await expertSession(expertLaptop, ROUND, 'e1'),
      deviceKeys(pair),
      ROUND,
      'e1',
    );
    expect(exported).toMatchObject({ fileName: 'e1.public-key.json', fingerprint: fp(pair) });

    const read = readExpertPublicKeyFile(exported.text, exported.fileName);
    if (!read.ok) throw new Error('expected a readable file');
    expect(read.value).toEqual({
      roundId: ROUND,
      expert: { id: 'e1', name: '王建国', publicKey: b64(pair) },
      fingerprint: fp(pair),
    });
    const desk = await freshDb();
    await registerExpertKey(
      desk,
      secretariat(),
      ROUND,
      'e1',
      read.value.expert.publicKey,
      'file',
      '',
      exported.fileName,
    );
    const file = await expertKeysFileFor(desk, ROUND);
    expect(file).toEqual({
      format: EXPERT_KEYS_FORMAT,
      roundId: ROUND,
      experts: [{ id: 'e1', name: '王建国', publicKey: b64(pair) }],
    });
    // What the app exports, `review-desk compile --expert-keys` reads.
    expect(readExpertKeys(serializeExpertKeys(file), 'keys.json')).toMatchObject({ ok: true });
    expect(await listExpertKeys(desk, ROUND)).toMatchObject([
      { firstSeenIn: 'e1.public-key.json', source: 'file', registered: true },
    ]);
  });

  it('a public-key file must hold exactly one expert', () => {
    const two = serializeExpertKeys({
      format: EXPERT_KEYS_FORMAT,
      roundId: ROUND,
      experts: [
        { id: 'e1', name: '王建国', publicKey: b64(generateKeyPair()) },
        { id: 'e2', name: '李秀英', publicKey: b64(generateKeyPair()) },
      ],
    });
    expect(readExpertPublicKeyFile(two, 'two.json')).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/恰好含有一位专家/) }],
    });
  });
});

describe('a laptop shared by several experts has one device key', () => {
  it('registers it for one of them only, and signs no score file for another while it is theirs', async () => {
    const db = await freshDb();
    const device = generateKeyPair();
    expect(
      await registerExpertKey(db, secretariat(), ROUND, 'e1', b64(device), 'device'),
    ).toMatchObject({
      ok: true,
    });
    const forE2 = await registerExpertKey(db, secretariat(), ROUND, 'e2', b64(device), 'device');
    expect(forE2).toMatchObject({
      ok: false,
      message: expect.stringMatching(/本机密钥只能登记给其中一位/),
    });
    await expect(
      exportScoreFile(db, await expertSession(db, ROUND, 'e2'), deviceKeys(device), ROUND, 'e2'),
    ).rejects.toThrow(/已登记给专家 e1/);
    await expect(
      exportScoreFile(db, await expertSession(db, ROUND, 'e1'), deviceKeys(device), ROUND, 'e1'),
    ).resolves.toMatchObject({ fingerprint: fp(device) });
  });
});
