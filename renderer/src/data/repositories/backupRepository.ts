import { verifyAuditChain } from '@shared/audit/chain';
import {
  assertBackupFits,
  type BackupContent,
  type BackupLimits,
  type BackupRow,
} from '@shared/backup';
import { webSha256Hex } from '../../platform/webSha256';
import type { ReviewDeskDb } from '../db';
import type { SitePhotoRow, AttachmentRow, AuditRow } from '../rows';
import { CURRENT_SCHEMA_VERSION, SAME_ROWS_SINCE_VERSION } from '../schema';
import {
  AHEAD_BATCH_BYTES,
  pendingBytes,
  checkWrittenAhead,
  storeWithAttachments,
  withRoundCreationLock,
  type PendingAttachment,
} from './attachmentsAhead';
import { requireSecretariat, SECRETARIAT_ACTOR, type Session } from '../session/session';
import { appendAudit } from './auditLog';
import { mimeFor } from './roundRepository';

/**
 * Whole-round backup and restore (docs/formats.md, Backup archive). Every table that belongs to
 * a round is indexed by `roundId`; `rounds` itself is keyed by the id. Of `settings`, only the
 * round's own entries (`panel:<roundId>`, `export:<roundId>`) belong to it.
 */
export const ROUND_SCOPED_TABLES = [
  'packets',
  'attachments',
  'experts',
  'assignments',
  'sheets',
  'conflicts',
  'audit',
  'pins',
  'expertKeys',
  'exchangeConflicts',
  'packetFlags',
  'chairDecisions',
  'settlements',
  'dissents',
  'confirmations',
  'routeSites',
  'sitePhotos',
  'findings',
  'adjustments',
  'checkIns',
  'opinions',
] as const;

/** Tables whose primary key is an opaque `id` rather than a `roundId:`-prefixed `key`. */
const KEYED_BY_ID = new Set<string>(['sitePhotos', 'findings', 'adjustments']);

/** Archive entries for site photos are named apart from attachment keys. */
const photoEntryKey = (id: string) => `sitePhotos:${id}`;

type ScopedTable = (typeof ROUND_SCOPED_TABLES)[number];

/** `panel:R1` belongs to round R1; device-wide settings have no round after the prefix. */
export const isRoundSetting = (key: unknown, roundId: string): boolean =>
  typeof key === 'string' && /^[a-z]+:/.test(key) && key.slice(key.indexOf(':') + 1) === roundId;

const allTables = (db: ReviewDeskDb) => [
  db.rounds,
  db.settings,
  ...ROUND_SCOPED_TABLES.map((name) => db.table(name)),
];

/** One round's rows as they go into an archive, and the blobs whose bytes go beside them. */
export interface RoundSnapshot {
  tables: BackupContent['tables'];
  /** Attachment and photo Blobs under their archive entry keys, read after the transaction. */
  blobs: { key: string; blob: Blob }[];
}

/**
 * Read one round's rows in one read transaction (a consistent snapshot), shaped as in the
 * archive: audit rows without the database's `seq`, attachment and photo rows without their
 * Blob. The automatic backup digests these same tables to tell whether a round changed.
 */
export async function snapshotRound(db: ReviewDeskDb, roundId: string): Promise<RoundSnapshot> {
  const snapshot = await db.transaction('r', allTables(db), async () => {
    const round = await db.rounds.get(roundId);
    if (!round) throw new Error(`本机没有评审 ${roundId}`);
    const tables: { name: string; rows: Record<string, unknown>[] }[] = [
      { name: 'rounds', rows: [round as unknown as Record<string, unknown>] },
    ];
    for (const name of ROUND_SCOPED_TABLES) {
      const rows = (await db.table(name).where('roundId').equals(roundId).toArray()) as Record<
        string,
        unknown
      >[];
      tables.push({ name, rows });
    }
    const settings = await db.settings.filter((row) => isRoundSetting(row.key, roundId)).toArray();
    tables.push({ name: 'settings', rows: settings as unknown as Record<string, unknown>[] });
    return tables;
  });
  const blobs: RoundSnapshot['blobs'] = [];
  const tables = snapshot.map(({ name, rows }) => {
    if (name === 'audit') {
      // `seq` is this database's order across rounds; the chain's `index` is what matters.
      const audit = (rows as unknown as AuditRow[])
        .map(({ seq: _seq, ...rest }) => rest)
        .sort((a, b) => a.index - b.index);
      return { name, rows: audit as unknown as BackupRow[] };
    }
    if (name === 'sitePhotos') {
      const out = (rows as unknown as SitePhotoRow[]).map(({ blob, ...rest }) => {
        blobs.push({ key: photoEntryKey(rest.id), blob });
        return rest as unknown as BackupRow;
      });
      return { name, rows: out };
    }
    if (name !== 'attachments') return { name, rows };
    const out = (rows as unknown as AttachmentRow[]).map(({ blob, ...rest }) => {
      blobs.push({ key: rest.key, blob });
      return rest as unknown as BackupRow;
    });
    return { name, rows: out };
  });
  return { tables, blobs };
}

/** The round's snapshot with every attachment's and photo's bytes and SHA-256. */
export async function collectRoundBackup(
  db: ReviewDeskDb,
  roundId: string,
  now = new Date(),
  limits?: BackupLimits,
): Promise<BackupContent> {
  const { tables, blobs } = await snapshotRound(db, roundId);
  // Before a byte is read: a round too large for one archive is said so at once.
  assertBackupFits(
    blobs.reduce((sum, { blob }) => sum + blob.size, 0),
    limits,
  );
  const attachments: BackupContent['attachments'] = [];
  for (const { key, blob } of blobs) {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    attachments.push({ key, sha256: await webSha256Hex(bytes), bytes });
  }
  return {
    roundId,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: now.toISOString(),
    tables,
    attachments,
  };
}

export class BackupContentError extends Error {
  constructor(message: string) {
    super(`备份内容无效：${message}（本机数据未作任何改动）`);
    this.name = 'BackupContentError';
  }
}

export type RestoreOutcome =
  | { kind: 'restored'; roundId: string }
  /** Nothing was written: a round with this id is stored; ask, then call again with replace. */
  | { kind: 'exists'; roundId: string; title: string };

const isString = (v: unknown): v is string => typeof v === 'string';

/** Refuse rows that do not belong to the round, so a restore can never touch another round. */
function checkContent(content: BackupContent): Map<string, BackupRow[]> {
  const { roundId } = content;
  if (content.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new BackupContentError(
      `备份由更新版本的评审台写出（数据版本 ${content.schemaVersion}），请先安装新版本`,
    );
  }
  if (content.schemaVersion < SAME_ROWS_SINCE_VERSION) {
    throw new BackupContentError(`备份的数据版本 ${content.schemaVersion} 与本程序不同`);
  }
  const known = new Set<string>(['rounds', 'settings', ...ROUND_SCOPED_TABLES]);
  const byName = new Map<string, BackupRow[]>();
  for (const { name, rows } of content.tables) {
    if (!known.has(name)) throw new BackupContentError(`未知的表“${name}”`);
    byName.set(name, rows);
  }
  const rounds = byName.get('rounds') ?? [];
  if (rounds.length !== 1 || rounds[0]!.id !== roundId) {
    throw new BackupContentError('应当恰好含有一条评审记录');
  }
  for (const name of ROUND_SCOPED_TABLES) {
    for (const row of byName.get(name) ?? []) {
      // Every other table is keyed by `key`, which must name the round (a null key too is refused).
      const keyed = name !== 'audit' && !KEYED_BY_ID.has(name);
      if (
        row.roundId !== roundId ||
        (KEYED_BY_ID.has(name) && !isString(row.id)) ||
        (keyed && (!isString(row.key) || !row.key.startsWith(`${roundId}:`)))
      ) {
        throw new BackupContentError(`表“${name}”中有不属于评审 ${roundId} 的记录`);
      }
      if (name === 'audit' && 'seq' in row) throw new BackupContentError('审计记录不应带有 seq');
    }
  }
  for (const row of byName.get('settings') ?? []) {
    if (!isRoundSetting(row.key, roundId) || !('value' in row)) {
      throw new BackupContentError(`设置“${String(row.key)}”不属于评审 ${roundId}`);
    }
  }
  const audit = (byName.get('audit') ?? []) as unknown as AuditRow[];
  const chain = verifyAuditChain(audit);
  if (!chain.intact) throw new BackupContentError(`审计记录链断裂：${chain.reason}`);
  const blobs = new Map(content.attachments.map((a) => [a.key, a]));
  for (const row of byName.get('attachments') ?? []) {
    const data = isString(row.key) ? blobs.get(row.key) : undefined;
    if (!data || data.sha256 !== row.sha256) {
      throw new BackupContentError(`附件“${String(row.path)}”缺失或校验值不符`);
    }
  }
  for (const row of byName.get('sitePhotos') ?? []) {
    const data = isString(row.id) ? blobs.get(photoEntryKey(row.id)) : undefined;
    if (!data) throw new BackupContentError(`现场照片“${String(row.name)}”缺失`);
  }
  return byName;
}

/**
 * Restore one round in one transaction (a new round's attachments over 64 MiB are written ahead
 * in batches, as an import's are: attachmentsAhead.ts). A round with the same id is never merged:
 * without `replace` nothing is written and the caller asks; with it (and only with the
 * secretariat's session: a backup carries the round's panel, PINs and keys), that round's rows
 * are removed and the backup's written in the same transaction. Anything invalid throws before
 * a write.
 */
export async function restoreRoundBackup(
  db: ReviewDeskDb,
  content: BackupContent,
  options: {
    replace?: boolean;
    source?: string;
    batchBytes?: number;
    /** Required to replace a stored round: a backup carries its panel, PINs and keys. */
    session?: Session | null;
  } = {},
): Promise<RestoreOutcome> {
  const { roundId } = content;
  if (options.replace) requireSecretariat(options.session);
  const rows = checkContent(content);
  const bytes = new Map(content.attachments.map((a) => [a.key, a.bytes]));
  const pending = (rows.get('attachments') ?? []).map(
    (row) =>
      ({
        ...row,
        // The backup's own type, and the Blob typed the same (rows from any version have it).
        mime: isString(row.mime) ? row.mime : mimeFor(isString(row.name) ? row.name : ''),
        content: bytes.get(row.key as string)!,
      }) as unknown as PendingAttachment,
  );
  const photoRows = (rows.get('sitePhotos') ?? []).map((row) => ({
    ...row,
    blob: new Blob([bytes.get(photoEntryKey(row.id as string)) as Uint8Array<ArrayBuffer>], {
      type: isString(row.mime) ? row.mime : 'image/jpeg',
    }),
  }));
  const batchBytes = options.batchBytes ?? AHEAD_BATCH_BYTES;
  return withRoundCreationLock(async () => {
    const found = await db.rounds.get(roundId);
    if (found && !options.replace) return { kind: 'exists', roundId, title: found.title } as const;
    // Replacing writes every row in the one transaction: written ahead, the backup's attachments
    // would overwrite the stored round's before the replacement commits.
    const ahead = !found && pendingBytes(pending) > batchBytes;
    return storeWithAttachments(
      db,
      roundId,
      pending,
      { ahead, batchBytes },
      (attachmentRows, writtenAhead) =>
        restoreRows(db, content, rows, attachmentRows, writtenAhead, photoRows, options),
    );
  });
}

async function restoreRows(
  db: ReviewDeskDb,
  content: BackupContent,
  rows: Map<string, Record<string, unknown>[]>,
  attachmentRows: AttachmentRow[],
  writtenAhead: number,
  photoRows: Record<string, unknown>[],
  options: { replace?: boolean; source?: string },
): Promise<RestoreOutcome> {
  const { roundId } = content;
  return db.transaction('rw', allTables(db), async () => {
    const existing = await db.rounds.get(roundId);
    if (existing && !options.replace) {
      return { kind: 'exists', roundId, title: existing.title } as const;
    }
    await checkWrittenAhead(db, roundId, writtenAhead);
    if (existing) {
      await db.rounds.delete(roundId);
      for (const name of ROUND_SCOPED_TABLES) {
        await db.table(name).where('roundId').equals(roundId).delete();
      }
      await db.settings.filter((row) => isRoundSetting(row.key, roundId)).delete();
    }
    await db.rounds.add(rows.get('rounds')![0] as never);
    for (const name of ROUND_SCOPED_TABLES) {
      const tableRows =
        name === 'attachments'
          ? attachmentRows
          : name === 'sitePhotos'
            ? photoRows
            : (rows.get(name) ?? []);
      if (tableRows.length > 0) await db.table(name as ScopedTable).bulkAdd(tableRows);
    }
    const settings = rows.get('settings') ?? [];
    if (settings.length > 0) await db.settings.bulkPut(settings as never);
    await appendAudit(db, {
      roundId,
      actor: SECRETARIAT_ACTOR,
      action: 'round.restore',
      subject: roundId,
      detail: `从备份恢复评审（备份时间 ${content.createdAt}${options.source ? `，文件 ${options.source}` : ''}${existing ? '，替换了本机原有数据' : ''}）`,
    });
    return { kind: 'restored', roundId } as const;
  });
}
