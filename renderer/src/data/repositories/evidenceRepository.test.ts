import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { buildInspectionRound } from '@shared/demo/fieldRounds';
import { verifyEvidenceArchive } from '@shared/evidence';
import type { KeyCustody } from '@shared/platform/Platform';
import { encodeBase64 } from '@shared/signing/base64';
import { generateKeyPair, signEd25519 } from '@shared/signing/ed25519';
import { keyFingerprint, sha256Hex } from '@shared/signing/hash';
import { verifyResultWorkbook } from '@shared/workbook';
import { openDatabase, type ReviewDeskDb } from '../db';
import { chairSession, secretariat } from '../session/testSessions';
import { prepareEvidence } from './evidenceRepository';
import { prepareResultExport } from './exportRepository';
import { addSitePhoto, saveSiteNotes } from './inspectionRepository';
import { setRole } from './panelRepository';
import { confirmResults } from './resultsRepository';
import { importRound } from './roundRepository';

const ROUND = 'LL-2026-Q1';
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
let counter = 0;

async function inspectionWithEvidence(): Promise<ReviewDeskDb> {
  const db = await openDatabase(`evidence-test-${Date.now()}-${counter++}`);
  await importRound(db, buildInspectionRound(), 'demo');
  await saveSiteNotes(db, secretariat(), ROUND, 'S02', '实训楼消防通道堆放建材');
  await addSitePhoto(db, secretariat(), {
    roundId: ROUND,
    packetId: 'S02',
    blob: new Blob([PHOTO], { type: 'image/jpeg' }),
    name: '通道.jpg',
    source: 'camera',
    takenAt: new Date('2026-11-20T07:04:05.000Z'),
  });
  return db;
}

function keys(): KeyCustody {
  const pair = generateKeyPair();
  const info = {
    algorithm: 'Ed25519' as const,
    publicKey: encodeBase64(pair.publicKey),
    fingerprint: keyFingerprint(pair.publicKey),
    protection: 'os-keystore' as const,
    createdAt: '2026-11-20T08:00:00.000Z',
  };
  return {
    info: async () => info,
    create: async () => info,
    unlock: async () => undefined,
    sign: async (message) => signEd25519(message, pair.seed),
  };
}

describe('evidence archive of an inspection round', () => {
  it('holds the site notes and photos, byte for byte, under their sites', async () => {
    const db = await inspectionWithEvidence();
    const evidence = (await prepareEvidence(db, ROUND, 'LL-2026-Q1-结果.xlsx'))!;
    expect(evidence.fileName).toBe('LL-2026-Q1-结果.evidence.zip');
    const files = unzipSync(evidence.bytes);
    const photoPath = Object.keys(files).find((p) => p.startsWith('photos/S02/'))!;
    expect(photoPath).toMatch(/\.jpg$/);
    expect(files[photoPath]).toEqual(PHOTO);
    expect(new TextDecoder().decode(files['notes/S02.txt'])).toBe('实训楼消防通道堆放建材');
    expect(evidence.entries.map((e) => [e.path, e.of])).toEqual([
      ['notes/S02.txt', { kind: 'site', id: 'S02' }],
      [photoPath, { kind: 'site', id: 'S02' }],
    ]);
    expect(evidence.entries[1]!.sha256).toBe(sha256Hex(PHOTO));
  });

  it('a round without notes or photos has no archive', async () => {
    const db = await openDatabase(`evidence-test-${Date.now()}-${counter++}`);
    await importRound(db, buildInspectionRound(), 'demo');
    expect(await prepareEvidence(db, ROUND, 'x.xlsx')).toBeNull();
  });

  it('the export signs the archive’s list into the payload, and the archive verifies beside it', async () => {
    const db = await inspectionWithEvidence();
    await setRole(db, secretariat(), ROUND, 'I1', 'chair');
    await confirmResults(db, await chairSession(db, ROUND, 'I1'), ROUND);
    const prepared = await prepareResultExport(db, keys(), ROUND, 'review-desk test');
    expect(prepared.evidence).not.toBeNull();
    const check = verifyResultWorkbook(prepared.bytes);
    expect(check.ok).toBe(true);
    const listed = check.ok ? (check.summary.payload.evidence ?? []) : [];
    expect(listed).toEqual(prepared.evidence!.entries);
    expect(
      verifyEvidenceArchive({ roundId: ROUND, files: listed }, prepared.evidence!.bytes, 'e.zip'),
    ).toMatchObject({ ok: true, files: 2 });
  });
});
