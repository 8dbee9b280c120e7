import { canonicalBytes } from '@shared/canonical/canonicalJson';
import { compileRound, type CompileResult } from '@shared/compile';
import { confirmedDigest } from '@shared/compile/resultDigest';
import { ROUND_FORMAT, type Packet, type Round } from '@shared/model/roundPackage';
import type { DeviceKeyInfo, KeyCustody } from '@shared/platform/Platform';
import { decodeBase64 } from '@shared/signing/base64';
import { sha256Hex, shortHash } from '@shared/signing/hash';
import { localIsoTime } from '@shared/time/localIsoTime';
import {
  buildResultPayload,
  verifyResultWorkbook,
  writeSignedWorkbook,
  type ResultPayload,
  type ResultWorkbookInput,
} from '@shared/workbook';
import type { ReviewDeskDb } from '../db';
import type { ConfirmationRow, DissentRow, ExpertRow, PanelRole } from '../rows';
import { fieldTables, fieldWorkbookInput } from './adjustmentRepository';
import { actorLabel, isLive, requireSecretariat, type Session } from '../session/session';
import { appendAudit, auditForRound } from './auditLog';
import { assertSecretariatOrChairIn } from './chairGuard';
import { isRegistered } from './expertKeyRepository';
import { compileFor, compileInputFor, compileTables } from './resultsRepository';
import { latestConfirmation } from './resultsLock';
import { webSha256Hex } from '../../platform/webSha256';
import { verifyEvidenceArchive } from '@shared/evidence';
import { prepareEvidence, type PreparedEvidence } from './evidenceRepository';

/**
 * The signed result workbook from the app (docs/formats.md): the round as stored, compiled by
 * shared/compile (through the results repository, the one code path for numbers), written by
 * shared/workbook and signed by this laptop's device key through the Platform. The last export of
 * each round is remembered so the printed report can carry the same key id and payload hash.
 */

export class ExportError extends Error {
  override name = 'ExportError';
}

/** The tables one consistent snapshot of a round's results reads. */
const snapshotTables = (db: ReviewDeskDb) => [
  ...compileTables(db),
  db.expertKeys,
  db.audit,
  db.confirmations,
  db.opinions,
  // Issue #9: 问题清单 and 动态调整 (adjustmentRepository.fieldWorkbookInput).
  ...fieldTables(db),
];

/** Whether the chair's confirmation covers the results as they compile now. */
export type ExportReadiness =
  | { ok: true; confirmation: ConfirmationRow }
  | { ok: false; reason: 'unconfirmed' | 'reopened' | 'changed'; message: string };

export function exportReadiness(
  latest: ConfirmationRow | undefined,
  digest: string,
): ExportReadiness {
  if (!latest) {
    return {
      ok: false,
      reason: 'unconfirmed',
      message: '评审结果尚未经专家组组长确认，不能导出。请组长在“结果汇总”页面确认结果后再导出。',
    };
  }
  if (latest.reopenedAt) {
    return {
      ok: false,
      reason: 'reopened',
      message: `第 ${latest.version} 版结果已重新开放，修改完成并经组长重新确认后才能导出。`,
    };
  }
  if (latest.digest !== digest) {
    return {
      ok: false,
      reason: 'changed',
      message: `当前结果与组长确认的第 ${latest.version} 版不一致，请组长重新确认后再导出。`,
    };
  }
  return { ok: true, confirmation: latest };
}

export interface ResultSnapshot {
  input: ResultWorkbookInput;
  result: CompileResult;
  /** resultDigest of `result`: what the chair's confirmation is compared with. */
  digest: string;
  readiness: ExportReadiness;
}

/**
 * Everything the workbook says, read in one transaction so a sheet arriving midway cannot give a
 * workbook whose tables disagree. `generatedAt` and `generator` are the caller's.
 */
export async function resultSnapshot(
  db: ReviewDeskDb,
  roundId: string,
  meta: { generatedAt: string; generator: string },
): Promise<ResultSnapshot> {
  return db.transaction('r', snapshotTables(db), () => readSnapshot(db, roundId, meta));
}

/**
 * resultSnapshot's reads, for callers already in a transaction. Every read starts at once: in a
 * liveQuery, a transaction left waiting between dependent reads committed early (Dexie's
 * PrematureCommitError), which the report page's live view hit.
 */
async function readSnapshot(
  db: ReviewDeskDb,
  roundId: string,
  meta: { generatedAt: string; generator: string },
): Promise<ResultSnapshot> {
  const [round, compileInput, packetRows, keyRows, audit, latest, field, opinions] =
    await Promise.all([
      db.rounds.get(roundId),
      compileInputFor(db, roundId).catch(() => null),
      db.packets.where('roundId').equals(roundId).toArray(),
      db.expertKeys.where('roundId').equals(roundId).toArray(),
      auditForRound(db, roundId),
      latestConfirmation(db, roundId),
      fieldWorkbookInput(db, roundId),
      db.opinions.where('roundId').equals(roundId).toArray(),
    ]);
  if (!round || !compileInput) throw new ExportError(`找不到评审 ${roundId}`);
  const result = compileRound(compileInput);
  const digest = confirmedDigest(result, opinions);
  const registeredRows = keyRows.filter(isRegistered);
  const listed = new Set(compileInput.packets.map((p) => p.id));
  // The packets compiled, in the same order, as the round package describes them.
  const packets: Packet[] = packetRows
    .filter((p) => listed.has(p.id))
    .map((p) => ({
      id: p.id,
      title: p.title,
      applicant: p.applicant,
      category: p.category,
      group: p.group,
      fields: p.fields,
      attachments: p.attachments,
    }));
  const roundModel: Round = {
    format: ROUND_FORMAT,
    id: round.id,
    title: round.title,
    kind: round.kind,
    programme: round.programme,
    rubric: round.rubric,
    aggregation: round.aggregation,
    quotas: compileInput.round.quotas.map((q) => ({ ...q })),
    experts: compileInput.round.experts.map((e) => ({ ...e })),
  };
  return {
    input: {
      round: roundModel,
      packets,
      sheets: compileInput.sheets,
      result,
      // The key the secretariat registered for each expert (签到), fingerprint and public key:
      // the central system can check every score file against it. Experts who scored only on
      // this laptop may have none.
      expertKeys: Object.fromEntries(registeredRows.map((k) => [k.expertId, k.fingerprint])),
      expertPublicKeys: Object.fromEntries(registeredRows.map((k) => [k.expertId, k.publicKey])),
      audit: audit.map(({ at, actor, action, subject, detail }) => ({
        at,
        actor,
        action,
        subject,
        detail,
      })),
      generatedAt: meta.generatedAt,
      generator: meta.generator,
      ...field,
      opinions: opinions.map((o) => ({
        packetId: o.packetId,
        text: o.text,
        chair: actorLabel({ kind: 'expert', roundId, expertId: o.chairId, name: o.chair }, 'chair'),
        at: localIsoTime(new Date(o.at)),
      })),
    },
    result,
    digest,
    readiness: exportReadiness(latest, digest),
  };
}

/** Whether the results as they compile now may be exported (the export button's state). */
export async function exportReadinessFor(
  db: ReviewDeskDb,
  roundId: string,
): Promise<ExportReadiness> {
  return db.transaction('r', snapshotTables(db), async () => {
    const [result, latest, opinions] = await Promise.all([
      compileFor(db, roundId),
      latestConfirmation(db, roundId),
      db.opinions.where('roundId').equals(roundId).toArray(),
    ]);
    return exportReadiness(latest, confirmedDigest(result, opinions));
  });
}

/** A signed workbook ready to save, with what people compare it by. */
export interface PreparedExport {
  roundId: string;
  fileName: string;
  bytes: Uint8Array;
  payload: ResultPayload;
  /** SHA-256 hex of the signed payload (the `sha256` cell of `_signature`). */
  sha256: string;
  key: DeviceKeyInfo;
  /** True when this export created the device key (the user is told). */
  keyCreated: boolean;
  digest: string;
  confirmationVersion: number;
  /** The evidence archive to save beside the workbook (inspection and evaluation rounds with notes or photos). */
  evidence: PreparedEvidence | null;
}

export const resultFileName = (roundId: string) => `${roundId}-结果.xlsx`;

/**
 * Build, sign and check the result workbook. Refuses results the chair has not confirmed (or that
 * changed since). Uses the device key, creating it when there is none. The signed bytes are read
 * back with the same verification as the CLI before they are handed out, so a key that signs
 * wrongly is caught here rather than by the central system.
 */
export async function prepareResultExport(
  db: ReviewDeskDb,
  keys: KeyCustody,
  roundId: string,
  generator: string,
  now = new Date(),
): Promise<PreparedExport> {
  const snapshot = await resultSnapshot(db, roundId, {
    generatedAt: localIsoTime(now),
    generator,
  });
  if (!snapshot.readiness.ok) throw new ExportError(snapshot.readiness.message);
  const existing = await keys.info();
  const key = existing ?? (await keys.create());
  const evidence = await prepareEvidence(db, roundId, resultFileName(roundId));
  const payload = buildResultPayload(
    evidence ? { ...snapshot.input, evidence: evidence.entries } : snapshot.input,
  );
  const bytes = await writeSignedWorkbook(
    payload,
    { publicKey: decodeBase64(key.publicKey), sign: (message) => keys.sign(message) },
    { sha256Hex: webSha256Hex },
  );
  const check = verifyResultWorkbook(bytes, { trustedKeys: [key.publicKey] });
  if (!check.ok) {
    throw new ExportError(`结果工作簿签名后校验失败：${check.problems.join('；')}`);
  }
  const evidenceCheck = evidence
    ? verifyEvidenceArchive(
        { roundId, files: payload.evidence ?? [] },
        evidence.bytes,
        evidence.fileName,
      )
    : null;
  if (evidenceCheck && !evidenceCheck.ok) {
    throw new ExportError(`证据包写出后校验失败：${evidenceCheck.problems.join('；')}`);
  }
  return {
    roundId,
    fileName: resultFileName(roundId),
    bytes,
    payload,
    sha256: sha256Hex(canonicalBytes(payload)),
    key,
    keyCreated: existing === null,
    digest: snapshot.digest,
    confirmationVersion: snapshot.readiness.confirmation.version,
    evidence,
  };
}

/** What the printed report needs to name the workbook it belongs to. */
export interface ExportRecord {
  roundId: string;
  fileName: string;
  /** Where the platform saved it (a path on the desktop, the file name in a browser). */
  location: string;
  sha256: string;
  keyId: string;
  publicKey: string;
  /** resultDigest of the exported results: the report checks it still matches. */
  digest: string;
  confirmationVersion: number;
  generatedAt: string;
  exportedAt: string;
}

const exportKey = (roundId: string) => `export:${roundId}`;

/** Record a saved export: an audit entry (hash, key id) and the round's latest-export record. */
export async function recordResultExport(
  db: ReviewDeskDb,
  session: Session | null,
  prepared: PreparedExport,
  location: string,
  now = new Date(),
): Promise<ExportRecord> {
  if (!isLive(session)) requireSecretariat(session);
  const record: ExportRecord = {
    roundId: prepared.roundId,
    fileName: prepared.fileName,
    location,
    sha256: prepared.sha256,
    keyId: prepared.key.fingerprint,
    publicKey: prepared.key.publicKey,
    digest: prepared.digest,
    confirmationVersion: prepared.confirmationVersion,
    generatedAt: prepared.payload.generatedAt,
    exportedAt: now.toISOString(),
  };
  await db.transaction('rw', [db.experts, db.settings, db.audit], async () => {
    const actor = await assertSecretariatOrChairIn(db, session, prepared.roundId);
    await db.settings.put({ key: exportKey(prepared.roundId), value: record });
    await appendAudit(
      db,
      {
        roundId: prepared.roundId,
        actor,
        action: 'results.export',
        subject: prepared.fileName,
        detail:
          `导出结果工作簿 ${prepared.fileName}（第 ${prepared.confirmationVersion} 版确认结果，` +
          `签名密钥 ${record.keyId}，签名数据 SHA-256 ${record.sha256}）`,
      },
      now,
    );
  });
  return record;
}

function isExportRecord(value: unknown): value is ExportRecord {
  if (typeof value !== 'object' || value === null) return false;
  return ['roundId', 'fileName', 'sha256', 'keyId', 'digest'].every(
    (field) => typeof Reflect.get(value, field) === 'string',
  );
}

export async function latestExport(
  db: ReviewDeskDb,
  roundId: string,
): Promise<ExportRecord | null> {
  const value = (await db.settings.get(exportKey(roundId)))?.value;
  return isExportRecord(value) ? value : null;
}

/** The payload hash as each printed page carries it (the workbook's footer too). */
export { shortHash };

export interface ReportSigner {
  id: string;
  name: string;
  org: string;
  role: PanelRole;
  dissent: string | null;
}

/** Everything the printed report shows: the workbook's rendering of the results, and who signs. */
export interface ReportView {
  roundId: string;
  title: string;
  kind: Round['kind'];
  programme: string;
  payload: ResultPayload;
  digest: string;
  readiness: ExportReadiness;
  lastExport: ExportRecord | null;
  /** The last export is of exactly these results: its hash belongs on this paper. */
  exportMatches: boolean;
  signers: ReportSigner[];
}

const roleOrder: Record<PanelRole, number> = { expert: 0, standby: 1, chair: 2 };

export async function reportView(db: ReviewDeskDb, roundId: string): Promise<ReportView> {
  return db.transaction('r', [...snapshotTables(db), db.settings, db.dissents], async () => {
    const [snapshot, experts, dissents, lastExport] = await Promise.all([
      readSnapshot(db, roundId, {
        generatedAt: localIsoTime(new Date()),
        generator: 'review-desk',
      }),
      db.experts.where('roundId').equals(roundId).toArray(),
      db.dissents.where('roundId').equals(roundId).toArray(),
      latestExport(db, roundId),
    ]);
    const dissentOf = new Map(dissents.map((d: DissentRow) => [d.expertId, d.text]));
    const signers = experts
      .filter((e: ExpertRow) => !e.removed)
      .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || (a.id < b.id ? -1 : 1))
      .map((e) => ({
        id: e.id,
        name: e.name,
        org: e.org,
        role: e.role,
        dissent: dissentOf.get(e.id) ?? null,
      }));
    const { round } = snapshot.input;
    return {
      roundId,
      title: round.title,
      kind: round.kind,
      programme: round.programme,
      payload: buildResultPayload(snapshot.input),
      digest: snapshot.digest,
      readiness: snapshot.readiness,
      lastExport,
      exportMatches: lastExport !== null && lastExport.digest === snapshot.digest,
      signers,
    };
  });
}
