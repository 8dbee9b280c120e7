/**
 * What a backup holds once decrypted: every database row of one round, table by table, and the
 * attachment bytes, as JSON (attachments in base64). Arrays of named pairs rather than objects
 * keyed by table or path, so no name from a file ever becomes an object key here.
 */
import { z } from 'zod';
import { parseJsonBytes } from '../formats/text';
import { sha256Hex } from '../signing/hash';
import { decodeBase64, encodeBase64 } from '../signing/base64';
import { utf8Bytes } from './backupFormat';

export const BACKUP_CONTENT_FORMAT = 'review-desk/backup-content@1';

export type BackupRow = Record<string, unknown>;

export interface BackupContent {
  roundId: string;
  /** The database schema version the rows were written by. */
  schemaVersion: number;
  createdAt: string;
  tables: { name: string; rows: BackupRow[] }[];
  /** Attachment bytes by attachment row key, with their SHA-256 checked on reading. */
  attachments: { key: string; sha256: string; bytes: Uint8Array }[];
}

const contentSchema = z
  .object({
    format: z.literal(BACKUP_CONTENT_FORMAT),
    roundId: z.string().min(1).max(64),
    schemaVersion: z.number().int().min(1),
    createdAt: z.string().max(40),
    tables: z.array(
      z
        .object({
          name: z.string().max(64),
          rows: z.array(
            z.custom<BackupRow>(
              (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
              '每一行应为对象',
            ),
          ),
        })
        .strict(),
    ),
    attachments: z.array(
      z
        .object({
          key: z.string().min(1).max(600),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
          data: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

export function encodeBackupContent(content: BackupContent): Uint8Array {
  return utf8Bytes(
    JSON.stringify({
      format: BACKUP_CONTENT_FORMAT,
      roundId: content.roundId,
      schemaVersion: content.schemaVersion,
      createdAt: content.createdAt,
      tables: content.tables,
      attachments: content.attachments.map((a) => ({
        key: a.key,
        sha256: a.sha256,
        data: encodeBase64(a.bytes),
      })),
    }),
  );
}

export type DecodedContent = { ok: true; value: BackupContent } | { ok: false; message: string };

/** Check the structure and every attachment's SHA-256; rows are checked by whoever stores them. */
export function decodeBackupContent(bytes: Uint8Array): DecodedContent {
  const fail = (message: string): DecodedContent => ({
    ok: false,
    message: `备份内容无效：${message}`,
  });
  const json = parseJsonBytes(bytes, 'backup');
  if (!json.ok) {
    const { field, message } = json.problem;
    return fail(field ? `${field}：${message}` : message);
  }
  const parsed = contentSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  const names = new Set<string>();
  for (const table of parsed.data.tables) {
    if (names.has(table.name)) return fail(`表“${table.name}”出现两次`);
    names.add(table.name);
  }
  const attachments: BackupContent['attachments'] = [];
  const keys = new Set<string>();
  for (const a of parsed.data.attachments) {
    if (keys.has(a.key)) return fail(`附件“${a.key}”出现两次`);
    keys.add(a.key);
    let data: Uint8Array;
    try {
      data = decodeBase64(a.data);
    } catch {
      return fail(`附件“${a.key}”不是有效的 base64`);
    }
    if (sha256Hex(data) !== a.sha256) return fail(`附件“${a.key}”的 SHA-256 不符`);
    attachments.push({ key: a.key, sha256: a.sha256, bytes: data });
  }
  const { roundId, schemaVersion, createdAt, tables } = parsed.data;
  return { ok: true, value: { roundId, schemaVersion, createdAt, tables, attachments } };
}
