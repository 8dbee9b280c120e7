import {
  EXPERT_KEYS_FORMAT,
  readExpertKeys,
  serializeExpertKeys,
  type ExpertKeysFile,
} from '@shared/formats/expertKeys';
import { isCanonicalPublicKey } from '@shared/model/publicKey';
import type { Parsed } from '@shared/model/validation';
import type { Platform } from '@shared/platform/Platform';
import { decodeBase64 } from '@shared/signing/base64';
import { keyFingerprint } from '@shared/signing/hash';
import { compareChinese } from '@shared/collation/chineseOrder';
import type { ReviewDeskDb } from '../db';
import type { ExpertKeyRow } from '../rows';
import {
  actorLabel,
  requireExpert,
  requireSecretariat,
  SECRETARIAT_ACTOR,
  type Session,
} from '../session/session';
import { appendAudit } from './auditLog';
import { expertKey } from './keys';

/**
 * Which key speaks for which expert (签到 → 登记专家公钥). The secretariat registers each
 * expert's Ed25519 public key for the round, read aloud fingerprint against fingerprint: from
 * the public-key file the expert's laptop exports, or this laptop's own key when the expert
 * scores here. Score files are accepted only when signed by the key registered for their expert;
 * no key is ever taken from a score file.
 *
 * One key belongs to one expert in a round. A laptop has one device key, so on a laptop shared
 * by several experts that key is registered for at most one of them; the others' sheets need no
 * score file when they score on the secretariat's laptop (they are already in its database), and
 * exportScoreFile refuses to sign for an expert while this laptop's key is registered for
 * another.
 */
export class ExpertKeyError extends Error {
  override name = 'ExpertKeyError';
}

export const DEVICE_KEY_SOURCE = '本机设备密钥';

/** A row the secretariat registered (rows without `source` were taken from a score file by an older version). */
export const isRegistered = (row: ExpertKeyRow | undefined): row is ExpertKeyRow =>
  row?.source !== undefined;

export const fingerprintOf = (publicKey: string): string => keyFingerprint(decodeBase64(publicKey));

export type RegisterKeyOutcome = { ok: true; fingerprint: string } | { ok: false; message: string };

/**
 * Registers `publicKeyBase64` for the expert. Refused when the key is registered for another
 * expert of the round; replacing a different key registered for this expert needs `reason`.
 */
export async function registerExpertKey(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  expertId: string,
  publicKeyBase64: string,
  source: 'file' | 'device',
  reason = '',
  fileName = '',
): Promise<RegisterKeyOutcome> {
  const actor = actorLabel(requireSecretariat(session).actor);
  if (!isCanonicalPublicKey(publicKeyBase64))
    return {
      ok: false,
      message: '公钥必须是 32 字节 Ed25519 公钥的标准 base64 编码，请用专家电脑导出的公钥文件',
    };
  const fingerprint = fingerprintOf(publicKeyBase64);
  const why = reason.trim();
  return db.transaction('rw', [db.experts, db.expertKeys, db.audit], async () => {
    const key = expertKey(roundId, expertId);
    const expert = await db.experts.get(key);
    if (!expert) return { ok: false, message: `本评审没有专家 ${expertId}` } as const;
    const registered = (await db.expertKeys.where('roundId').equals(roundId).toArray()).filter(
      isRegistered,
    );
    const owner = registered.find(
      (k) => k.publicKey === publicKeyBase64 && k.expertId !== expertId,
    );
    if (owner) {
      const ownerName = (await db.experts.get(owner.key))?.name ?? owner.expertId;
      return {
        ok: false,
        message:
          `该密钥（指纹 ${fingerprint}）已登记给专家${ownerName}（${owner.expertId}）：一个密钥只能属于一位专家。` +
          (source === 'device'
            ? '多位专家共用这台电脑时，本机密钥只能登记给其中一位；其他专家在秘书处电脑上评分（评分已在本机，无需评分文件），或用各自的电脑评分并导出公钥文件'
            : '请核对公钥文件是否拿错，或请该专家用自己的电脑导出公钥文件'),
      } as const;
    }
    const held = registered.find((k) => k.expertId === expertId);
    if (held?.publicKey === publicKeyBase64) return { ok: true, fingerprint } as const;
    if (held && !why)
      return {
        ok: false,
        message: `专家${expert.name}已登记密钥 ${held.fingerprint}；更换为 ${fingerprint} 须写明原因（将记入审计日志）`,
      } as const;
    const row: ExpertKeyRow = {
      key,
      roundId,
      expertId,
      publicKey: publicKeyBase64,
      fingerprint,
      firstSeenIn: source === 'device' ? DEVICE_KEY_SOURCE : fileName || '公钥文件',
      firstSeenAt: new Date().toISOString(),
      source,
      ...(held ? { reason: why } : {}),
    };
    await db.expertKeys.put(row);
    await appendAudit(db, {
      roundId,
      actor,
      action: held ? 'expert.key.reregister' : 'expert.key.register',
      subject: expertId,
      detail: held
        ? `将专家${expert.name}的签名公钥由 ${held.fingerprint} 更换为 ${fingerprint}（${row.firstSeenIn}；原因：${why}）`
        : `登记专家${expert.name}的签名公钥 ${fingerprint}（${row.firstSeenIn}）`,
    });
    return { ok: true, fingerprint } as const;
  });
}

/**
 * The secretariat removes an expert's registration (e.g. the laptop was lost): files signed by
 * the old key are refused from now on, and so is every file until a key is registered again.
 * Sheets already imported stay. The reason is required and audited.
 */
export async function releaseExpertKey(
  db: ReviewDeskDb,
  session: Session | null,
  roundId: string,
  expertId: string,
  reason: string,
): Promise<void> {
  const actor = actorLabel(requireSecretariat(session).actor);
  const why = reason.trim();
  if (!why) throw new ExpertKeyError('请写明解除登记的原因（将记入审计日志）');
  await db.transaction('rw', [db.expertKeys, db.experts, db.audit], async () => {
    const [held, expert] = await Promise.all([
      db.expertKeys.get(expertKey(roundId, expertId)),
      db.experts.get(expertKey(roundId, expertId)),
    ]);
    const name = expert?.name ?? expertId;
    if (!held) throw new ExpertKeyError(`专家${name}还没有登记签名公钥`);
    await db.expertKeys.delete(held.key);
    await appendAudit(db, {
      roundId,
      actor,
      action: 'expert.key.release',
      subject: expertId,
      detail: `解除专家${name}的签名公钥 ${held.fingerprint}（原因：${why}）；登记新公钥前不接受其评分文件`,
    });
  });
}

export interface ExpertPublicKeyFile {
  roundId: string;
  expert: { id: string; name: string; publicKey: string };
  fingerprint: string;
}

/** The public-key file an expert's laptop exports: an expert-key file with exactly one entry. */
export function readExpertPublicKeyFile(
  text: string,
  fileName: string,
): Parsed<ExpertPublicKeyFile> {
  const read = readExpertKeys(text, fileName);
  if (!read.ok) return read;
  const [entry, ...more] = read.value.experts;
  if (!entry || more.length > 0)
    return {
      ok: false,
      problems: [
        {
          file: fileName,
          field: 'experts',
          message: `专家公钥文件应当恰好含有一位专家，本文件有 ${read.value.experts.length} 位`,
        },
      ],
    };
  return {
    ok: true,
    value: {
      roundId: read.value.roundId,
      expert: entry,
      fingerprint: fingerprintOf(entry.publicKey),
    },
  };
}

/**
 * On the expert's own laptop: this laptop's public key as the expert's public-key file, to hand
 * to the secretariat at 签到. Only the expert's session exports it.
 */
export async function exportDevicePublicKeyFile(
  db: ReviewDeskDb,
  session: Session | null,
  platform: Pick<Platform, 'keys'>,
  roundId: string,
  expertId: string,
): Promise<{ fileName: string; text: string; fingerprint: string }> {
  const { actor } = requireExpert(session, roundId, expertId);
  const key = (await platform.keys.info()) ?? (await platform.keys.create());
  const file: ExpertKeysFile = {
    format: EXPERT_KEYS_FORMAT,
    roundId,
    experts: [{ id: expertId, name: actor.name, publicKey: key.publicKey }],
  };
  await db.transaction('rw', db.audit, () =>
    appendAudit(db, {
      roundId,
      actor: actorLabel(actor),
      action: 'expert.key.export',
      subject: expertId,
      detail: `导出本机签名公钥 ${key.fingerprint}，供${SECRETARIAT_ACTOR}登记`,
    }),
  );
  return {
    fileName: `${expertId}.public-key.json`,
    text: serializeExpertKeys(file),
    fingerprint: key.fingerprint,
  };
}

/** The key registered for the expert (canonical base64), or null. */
export async function registeredKeyOf(
  db: ReviewDeskDb,
  roundId: string,
  expertId: string,
): Promise<ExpertKeyRow | null> {
  const row = await db.expertKeys.get(expertKey(roundId, expertId));
  return isRegistered(row) ? row : null;
}

export interface ExpertKeyListing extends ExpertKeyRow {
  expertName: string;
  /** Registered by the secretariat (false: only seen in a score file by an older version). */
  registered: boolean;
}

/** The experts' keys, in roster order. */
export async function listExpertKeys(
  db: ReviewDeskDb,
  roundId: string,
): Promise<ExpertKeyListing[]> {
  // A live query's reader: one read at a time (the live-query rule, queries.ts).
  const keys = await db.expertKeys.where('roundId').equals(roundId).toArray();
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  const names = new Map(experts.map((e) => [e.id, e.name]));
  return keys
    .map((k) => ({
      ...k,
      expertName: names.get(k.expertId) ?? k.expertId,
      registered: isRegistered(k),
    }))
    .sort((a, b) => compareChinese(a.expertId, b.expertId));
}

/** Registered keys by expert id, as the result workbook records them. */
export async function registeredKeysFor(
  db: ReviewDeskDb,
  roundId: string,
): Promise<Record<string, string>> {
  const rows = (await db.expertKeys.where('roundId').equals(roundId).toArray()).filter(
    isRegistered,
  );
  return Object.fromEntries(rows.map((k) => [k.expertId, k.publicKey]));
}

/** 签到 → 导出专家公钥登记: the round's registrations as a `review-desk/expert-keys@1` file. */
export async function expertKeysFileFor(
  db: ReviewDeskDb,
  roundId: string,
): Promise<ExpertKeysFile> {
  const [keys, experts] = await Promise.all([
    registeredKeysFor(db, roundId),
    db.experts.where('roundId').equals(roundId).toArray(),
  ]);
  return {
    format: EXPERT_KEYS_FORMAT,
    roundId,
    experts: experts
      .filter((e) => keys[e.id] !== undefined)
      .sort((a, b) => compareChinese(a.id, b.id))
      .map((e) => ({ id: e.id, name: e.name, publicKey: keys[e.id]! })),
  };
}
