import { buildScoreFile } from '@shared/exchange/buildScoreFile';
import { planScoreFileImport } from '@shared/exchange/planImport';
import type { IncomingSheet, SheetAction, SheetActionKind } from '@shared/exchange/types';
import {
  attachScoreSignature,
  readScoreFile,
  readScoreFileBytes,
  scoreFileSigningPayload,
  serializeScoreFile,
  type VerifiedScoreFile,
} from '@shared/formats/scoreFile';
import { formatProblem } from '@shared/model/validation';
import type { Platform } from '@shared/platform/Platform';
import { decodeBase64 } from '@shared/signing/base64';
import type { ReviewDeskDb } from '../db';
import { assertResultsOpen } from './resultsLock';
import type { ExchangeConflictRow, SheetRow } from '../rows';
import { actorLabel, requireExpert, requireSecretariat, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import { assertChairIn, requireChairSession } from './chairGuard';
import { isRegistered } from './expertKeyRepository';
import { expertKey, packetKey, sheetKey } from './keys';

export { listExpertKeys, releaseExpertKey, type ExpertKeyListing } from './expertKeyRepository';

/**
 * Score files between laptops (`review-desk/scores@1`, docs/formats.md): an expert exports their signed sheets, the
 * secretariat imports files from several laptops. The rules of the merge live in
 * shared/exchange/planImport.ts; this file applies a plan to the database, one transaction per
 * file, so a file is imported entirely or not at all.
 */

export class ExchangeError extends Error {
  override name = 'ExchangeError';
}

export interface ExportedScoreFile {
  fileName: string;
  bytes: Uint8Array;
  /** Fingerprint of the device key that signed it. */
  fingerprint: string;
  sheetCount: number;
}

/** Sheets that would go into the expert's score file: submitted and 回避. */
export async function exportableSheetCount(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<number> {
  return db.sheets
    .where('[roundId+expertId]')
    .equals([roundId, expertId])
    .filter((s) => s.status === 'submitted' || s.status === 'conflict')
    .count();
}

/**
 * Build and sign the expert's score file with this laptop's device key (created on first use),
 * with the expert's own session. The signed file is read back before it is handed out, so a key
 * that signs wrongly is caught here, not at the secretariat. Refused while this laptop's key is
 * registered here for another expert of the round: one key speaks for one expert, and the
 * secretariat would refuse the file anyway.
 */
export async function exportScoreFile(
  db: ReviewDeskDb,
  session: Session | null,
  platform: Pick<Platform, 'keys'>,
  roundId: string,
  expertId: string,
): Promise<ExportedScoreFile> {
  const { actor } = requireExpert(session, roundId, expertId);
  const expert = await db.experts.get(expertKey(roundId, expertId));
  const sheets = await db.sheets.where('[roundId+expertId]').equals([roundId, expertId]).toArray();
  const keys = await db.expertKeys.where('roundId').equals(roundId).toArray();
  if (!expert) throw new ExchangeError(`本评审没有专家 ${expertId}`);
  const unsigned = buildScoreFile(roundId, { id: expert.id, name: expert.name }, sheets);
  const key = (await platform.keys.info()) ?? (await platform.keys.create());
  const owner = keys.find(
    (k) => isRegistered(k) && k.publicKey === key.publicKey && k.expertId !== expertId,
  );
  if (owner)
    throw new ExchangeError(
      `本机签名密钥 ${key.fingerprint} 已登记给专家 ${owner.expertId}，不能再为${expert.name}签署评分文件：` +
        '一个密钥只能属于一位专家。共用这台电脑的专家请在秘书处电脑上评分，或用自己的电脑评分',
    );
  const signature = await platform.keys.sign(scoreFileSigningPayload(unsigned));
  const signed = attachScoreSignature(unsigned, decodeBase64(key.publicKey), signature);
  const fileName = `${expertId}.scores.json`;
  const text = serializeScoreFile(signed);
  const check = readScoreFile(text, fileName);
  if (!check.ok)
    throw new ExchangeError(
      `评分文件签名后校验失败：${check.problems.map(formatProblem).join('；')}`,
    );
  await db.transaction('rw', [db.audit], () =>
    appendAudit(db, {
      roundId,
      actor: actorLabel(actor),
      action: 'exchange.export',
      subject: expertId,
      detail: `导出评分文件 ${fileName}（${unsigned.sheets.length} 张评分表，签名密钥 ${key.fingerprint}）`,
    }),
  );
  return {
    fileName,
    bytes: new TextEncoder().encode(text),
    fingerprint: key.fingerprint,
    sheetCount: unsigned.sheets.length,
  };
}

export type ActionCounts = Record<SheetActionKind, number>;

export interface SheetImportLine {
  packetId: string;
  action: SheetActionKind;
  /** The incoming sheet's revision. */
  revision: number;
  /** The revision this laptop held, if any. */
  heldRevision?: number;
  /** Why (the plan's note), for the report. */
  note?: string;
}

export interface ScoreFileReport {
  fileName: string;
  outcome: 'imported' | 'refused';
  /** Why it was refused, each as `file › field：message`. */
  problems: string[];
  expert?: { id: string; name: string };
  keyFingerprint?: string;
  counts: ActionCounts;
  sheets: SheetImportLine[];
}

const zeroCounts = (): ActionCounts => ({ add: 0, same: 0, replace: 0, stale: 0, conflict: 0 });

function refused(fileName: string, problems: string[]): ScoreFileReport {
  return {
    fileName,
    outcome: 'refused',
    problems,
    counts: zeroCounts(),
    sheets: [],
  };
}

function toSheetRow(
  roundId: string,
  expertId: string,
  incoming: IncomingSheet,
  now: string,
): SheetRow {
  return {
    key: sheetKey(roundId, incoming.packetId, expertId),
    roundId,
    packetId: incoming.packetId,
    expertId,
    status: incoming.status,
    // The boxes show what the points were, had the expert typed them here.
    inputs: Object.fromEntries(Object.entries(incoming.scores).map(([id, v]) => [id, String(v)])),
    scores: { ...incoming.scores },
    vetoes: { ...incoming.vetoes },
    vetoReasons: { ...incoming.vetoReasons },
    comment: incoming.comment,
    conflictReason: incoming.conflictReason,
    revision: incoming.revision,
    updatedAt: now,
    submittedAt: incoming.submittedAt,
  };
}

/** Store a sheet and keep the 回避 register (db.conflicts) in step with its status. */
async function writeSheet(db: ReviewDeskDb, row: SheetRow): Promise<void> {
  await db.sheets.put(row);
  if (row.status === 'conflict') {
    await db.conflicts.put({
      key: row.key,
      roundId: row.roundId,
      packetId: row.packetId,
      expertId: row.expertId,
      reason: row.conflictReason,
      declaredAt: row.submittedAt ?? row.updatedAt,
    });
  } else {
    await db.conflicts.delete(row.key);
  }
}

const statusText = (status: SheetRow['status']) =>
  ({ draft: '草稿', submitted: '已提交', returned: '已退回', conflict: '回避' })[status];

function lineOf(action: SheetAction): SheetImportLine {
  switch (action.kind) {
    case 'add':
      return { packetId: action.packetId, action: 'add', revision: action.incoming.revision };
    case 'same':
      return {
        packetId: action.packetId,
        action: 'same',
        revision: action.revision,
        heldRevision: action.revision,
      };
    case 'replace':
    case 'conflict':
      return {
        packetId: action.packetId,
        action: action.kind,
        revision: action.incoming.revision,
        heldRevision: action.held.revision,
        note: action.note,
      };
    case 'stale':
      return {
        packetId: action.packetId,
        action: 'stale',
        revision: action.incomingRevision,
        heldRevision: action.heldRevision,
        note: action.note,
      };
  }
}

/**
 * The secretariat imports score files into a round. Each file is verified (signature, and the
 * key the secretariat registered for its expert), planned against what this laptop holds and
 * applied in one transaction: sheets added or replaced, disagreements recorded for the chair,
 * an audit entry for every change. A refused file changes nothing; importing a file again
 * changes nothing either.
 */
export async function importScoreFiles(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<ScoreFileReport[]> {
  const actor = actorLabel(requireSecretariat(session).actor);
  const reports: ScoreFileReport[] = [];
  for (const file of files) {
    const read = readScoreFileBytes(file.bytes, file.name);
    if (!read.ok) {
      reports.push(refused(file.name, read.problems.map(formatProblem)));
      continue;
    }
    try {
      reports.push(await applyScoreFile(db, roundId, read.value, actor));
    } catch (error) {
      reports.push(refused(file.name, [error instanceof Error ? error.message : String(error)]));
    }
  }
  return reports;
}

async function applyScoreFile(
  db: ReviewDeskDb,
  roundId: string,
  file: VerifiedScoreFile,
  actor: string,
): Promise<ScoreFileReport> {
  const expertId = file.content.expert.id;
  return db.transaction(
    'rw',
    [
      db.rounds,
      db.packets,
      db.experts,
      db.sheets,
      db.conflicts,
      db.expertKeys,
      db.exchangeConflicts,
      db.audit,
      db.confirmations,
    ],
    async () => {
      const round = await db.rounds.get(roundId);
      if (!round) throw new ExchangeError(`本机没有评审“${roundId}”`);
      // Confirmed results are read-only: a late score file is refused whole (reported, not lost).
      await assertResultsOpen(db, roundId);
      // One read at a time inside the transaction (the live-query rule, queries.ts).
      const experts = await db.experts.where('roundId').equals(roundId).toArray();
      const packetIds = await db.packets.where('roundId').equals(roundId).toArray();
      const heldSheets = await db.sheets
        .where('[roundId+expertId]')
        .equals([roundId, expertId])
        .toArray();
      const keys = await db.expertKeys.where('roundId').equals(roundId).toArray();
      const recorded = await db.exchangeConflicts
        .where('expertId')
        .equals(expertId)
        .filter((c) => c.roundId === roundId)
        .toArray();
      const registered = keys.filter(isRegistered);
      const names = new Map(experts.map((e) => [e.id, e.name]));
      const plan = planScoreFileImport({
        round: { id: round.id, rubric: round.rubric, experts },
        packetIds: packetIds.map((p) => p.id),
        heldSheets,
        registeredKey: registered.find((k) => k.expertId === expertId)?.publicKey ?? null,
        registeredKeys: registered.map((k) => ({
          id: k.expertId,
          name: names.get(k.expertId) ?? k.expertId,
          publicKey: k.publicKey,
        })),
        recordedConflicts: new Map(recorded.map((c) => [c.key, c.status])),
        file,
      });
      if (plan.kind === 'refused') return refused(file.fileName, plan.problems.map(formatProblem));

      const now = new Date().toISOString();
      const expertName = plan.expert.name;
      const counts = zeroCounts();
      for (const action of plan.actions) {
        counts[action.kind] += 1;
        const subject = `${action.packetId}/${expertId}`;
        const from = `评分文件 ${file.fileName}`;
        switch (action.kind) {
          case 'add': {
            await writeSheet(db, toSheetRow(roundId, expertId, action.incoming, now));
            await appendAudit(db, {
              roundId,
              actor,
              action: 'exchange.add',
              subject,
              detail: `从${from}导入专家${expertName}的评分表：第 ${action.incoming.revision} 版（${statusText(action.incoming.status)}），签名密钥 ${plan.keyFingerprint}`,
            });
            break;
          }
          case 'replace': {
            await writeSheet(db, toSheetRow(roundId, expertId, action.incoming, now));
            const why =
              action.note === 'supersedes-draft'
                ? '，替换本机未提交的草稿'
                : action.note === 'revises-returned'
                  ? '，为退回后的修改版'
                  : '';
            await appendAudit(db, {
              roundId,
              actor,
              action: 'exchange.replace',
              subject,
              detail: `从${from}更新专家${expertName}的评分表：第 ${action.held.revision} 版（${statusText(action.held.status)}）→ 第 ${action.incoming.revision} 版（${statusText(action.incoming.status)}）${why}，签名密钥 ${plan.keyFingerprint}`,
            });
            break;
          }
          case 'conflict': {
            if (action.recorded) break;
            const reason =
              action.note === 'withdraws-conflict'
                ? `第 ${action.incoming.revision} 版撤回了本机记录的回避（第 ${action.held.revision} 版），需组长确认`
                : `与本机同为第 ${action.incoming.revision} 版，但内容不同`;
            const { key: _key, ...incoming } = toSheetRow(roundId, expertId, action.incoming, now);
            const row: ExchangeConflictRow = {
              key: action.conflictId,
              roundId,
              packetId: action.packetId,
              expertId,
              status: 'open',
              reason,
              incoming,
              incomingFile: file.fileName,
              receivedAt: now,
            };
            await db.exchangeConflicts.add(row);
            await appendAudit(db, {
              roundId,
              actor,
              action: 'exchange.conflict',
              subject,
              detail: `${from}中专家${expertName}的评分表${reason}，已交组长处理`,
            });
            break;
          }
          case 'same':
          case 'stale':
            // Nothing changes, so nothing is logged: importing a file twice leaves no trace.
            break;
        }
      }
      return {
        fileName: file.fileName,
        outcome: 'imported',
        problems: [],
        expert: plan.expert,
        keyFingerprint: plan.keyFingerprint,
        counts,
        sheets: plan.actions.map(lineOf),
      } satisfies ScoreFileReport;
    },
  );
}

export type ConflictChoice = 'kept-held' | 'took-incoming';

/**
 * The chair settles an exchange conflict: keep the sheet this laptop holds, or take the incoming
 * one. The reason is required and logged with the choice.
 */
export async function resolveExchangeConflict(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  key: string,
  choice: ConflictChoice,
  reason: string,
): Promise<void> {
  const chair = requireChairSession(session, roundId);
  const trimmed = reason.trim();
  if (!trimmed) throw new ExchangeError('请填写处理理由，它将记入审计记录');
  await db.transaction(
    'rw',
    [db.experts, db.exchangeConflicts, db.sheets, db.conflicts, db.audit, db.confirmations],
    async () => {
      const chairLabel = await assertChairIn(db, chair);
      const conflict = await db.exchangeConflicts.get(key);
      if (!conflict || conflict.roundId !== roundId) throw new ExchangeError('找不到该冲突记录');
      if (conflict.status !== 'open') throw new ExchangeError('该冲突已处理');
      await assertResultsOpen(db, conflict.roundId);
      const { packetId, expertId, incoming } = conflict;
      const skey = sheetKey(roundId, packetId, expertId);
      const held = await db.sheets.get(skey);
      const now = new Date().toISOString();
      if (choice === 'took-incoming') {
        if (held && held.revision > incoming.revision)
          throw new ExchangeError(
            `本机已有更新的第 ${held.revision} 版，不能再采用第 ${incoming.revision} 版`,
          );
        await writeSheet(db, { ...incoming, key: skey, updatedAt: now });
      }
      await db.exchangeConflicts.put({
        ...conflict,
        status: choice,
        resolvedBy: chair.actor.name,
        resolutionReason: trimmed,
        resolvedAt: now,
      });
      const what =
        choice === 'took-incoming'
          ? `采用 ${conflict.incomingFile} 中的第 ${incoming.revision} 版`
          : `保留本机的第 ${held?.revision ?? 0} 版，不采用 ${conflict.incomingFile} 中的第 ${incoming.revision} 版`;
      await appendAudit(db, {
        roundId,
        actor: chairLabel,
        action: 'exchange.resolve',
        subject: `${packetId}/${expertId}`,
        detail: `处理评分文件冲突：${what}。理由：${trimmed}`,
      });
    },
  );
}

export interface ExchangeConflictListing {
  conflict: ExchangeConflictRow;
  held: SheetRow | undefined;
  expertName: string;
  packetTitle: string;
}

/** Open exchange conflicts with what this laptop holds for the same sheet, oldest first. */
export async function openExchangeConflicts(
  db: ReviewDeskDb,
  roundId: string,
): Promise<ExchangeConflictListing[]> {
  const conflicts = await db.exchangeConflicts
    .where('status')
    .equals('open')
    .filter((c) => c.roundId === roundId)
    .toArray();
  conflicts.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.key.localeCompare(b.key));
  // A live query's reader: one read at a time (the live-query rule, queries.ts).
  const held = await db.sheets.bulkGet(
    conflicts.map((c) => sheetKey(roundId, c.packetId, c.expertId)),
  );
  const experts = await db.experts.bulkGet(conflicts.map((c) => expertKey(roundId, c.expertId)));
  const packets = await db.packets.bulkGet(conflicts.map((c) => packetKey(roundId, c.packetId)));
  return conflicts.map((conflict, i) => ({
    conflict,
    held: held[i],
    expertName: experts[i]?.name ?? conflict.expertId,
    packetTitle: packets[i]?.title ?? conflict.packetId,
  }));
}
