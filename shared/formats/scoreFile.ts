/**
 * Score file `EXPERT.scores.json` (format `review-desk/scores@1`, see docs/formats.md): one
 * expert's sheets for one round, signed with the expert's Ed25519 device key so the secretariat
 * can tell that nobody changed a score on the way between laptops.
 */
import { z } from 'zod';
import { canonicalBytes, CanonicalJsonError } from '../canonical/canonicalJson';
import { idSchema, multiLineTextSchema, textSchema } from '../model/rubric';
import { parseWith, type InputProblem, type Parsed } from '../model/validation';
import { decodeBase64, encodeBase64 } from '../signing/base64';
import { publicKeyFromSeed, signEd25519, verifyEd25519 } from '../signing/ed25519';
import { keyFingerprint, sha256Hex } from '../signing/hash';
import { decodeUtf8, isPlainObject, parseJsonText } from './text';

export const SCORES_FORMAT = 'review-desk/scores@1';

export const BAD_SIGNATURE_MESSAGE = '签名无效：文件在签名后被修改，或不是该专家签署';

const base64Bytes = (length: number, what: string) =>
  z.string().refine(
    (text) => {
      try {
        return decodeBase64(text).length === length;
      } catch {
        return false;
      }
    },
    { message: `${what}必须是 ${length} 字节数据的标准 base64 编码` },
  );

export const scoreSheetSchema = z.object({
  packetId: idSchema,
  status: z.enum(['submitted', 'conflict'], {
    message: '状态必须是 submitted（已提交）或 conflict（回避）',
  }),
  scores: z.record(idSchema, z.number().min(0, '分数不能为负数')),
  vetoes: z.record(idSchema, z.boolean()),
  vetoReasons: z.record(idSchema, multiLineTextSchema(2000)),
  comment: multiLineTextSchema(10000),
  conflictReason: multiLineTextSchema(2000),
  revision: z.number().int('修订号必须是整数').min(1, '修订号从 1 开始'),
  submittedAt: z.iso.datetime({
    offset: true,
    message: '提交时间必须是带时区的 ISO 8601 时间，例如 2026-11-20T10:00:00+08:00',
  }),
});

export const scoreSignatureSchema = z.object({
  alg: z.literal('Ed25519', { message: '签名算法必须是 Ed25519' }),
  publicKey: base64Bytes(32, '公钥'),
  value: base64Bytes(64, '签名'),
});

const scoreFileFields = {
  format: z.literal(SCORES_FORMAT, { message: `格式标识必须是“${SCORES_FORMAT}”` }),
  roundId: idSchema,
  expert: z.object({ id: idSchema, name: textSchema(50).min(1, '不能为空') }),
  sheets: z.array(scoreSheetSchema),
};

function checkSheets(file: { sheets: ScoreSheet[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  file.sheets.forEach((sheet, i) => {
    if (seen.has(sheet.packetId)) {
      ctx.addIssue({
        code: 'custom',
        message: `申报材料“${sheet.packetId}”出现了两次`,
        path: ['sheets', i, 'packetId'],
      });
    }
    seen.add(sheet.packetId);
    // A 回避 declaration without its reason is not a declaration (domain.md: the reason is kept).
    if (sheet.status === 'conflict' && !sheet.conflictReason.trim()) {
      ctx.addIssue({
        code: 'custom',
        message: '回避必须填写理由',
        path: ['sheets', i, 'conflictReason'],
      });
    }
  });
}

export const unsignedScoreFileSchema = z.object(scoreFileFields).superRefine(checkSheets);
export const scoreFileSchema = z
  .object({ ...scoreFileFields, signature: scoreSignatureSchema })
  .superRefine(checkSheets);

export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export type ScoreSignature = z.infer<typeof scoreSignatureSchema>;
export type UnsignedScoreFile = z.infer<typeof unsignedScoreFileSchema>;
export type ScoreFile = z.infer<typeof scoreFileSchema>;

export interface VerifiedScoreFile {
  fileName: string;
  content: ScoreFile;
  /** Fingerprint of the signing key (`a1b2 c3d4 e5f6 0718`): compare with the expert's device key. */
  keyFingerprint: string;
  /**
   * SHA-256 (hex) of the signed canonical payload. Equal digests mean the same signed content,
   * which makes re-importing the same file recognisably a no-op.
   */
  digest: string;
}

/** The exact bytes a score file's signature covers: RFC 8785 JSON of everything but `signature`. */
export function scoreFileSigningPayload(file: Record<string, unknown>): Uint8Array {
  const { signature: _signature, ...unsigned } = file;
  return canonicalBytes(unsigned);
}

/** Attach a signature made elsewhere (e.g. Platform.keys.sign with the device key). */
export function attachScoreSignature(
  unsigned: UnsignedScoreFile,
  publicKey: Uint8Array,
  signature: Uint8Array,
): ScoreFile {
  return {
    ...unsigned,
    signature: {
      alg: 'Ed25519',
      publicKey: encodeBase64(publicKey),
      value: encodeBase64(signature),
    },
  };
}

/** Sign with a raw 32-byte seed: for tests, the demo and the CLI. The app signs via KeyCustody. */
export function signScoreFile(unsigned: UnsignedScoreFile, privateSeed: Uint8Array): ScoreFile {
  const payload = scoreFileSigningPayload(unsigned);
  return attachScoreSignature(
    unsigned,
    publicKeyFromSeed(privateSeed),
    signEd25519(payload, privateSeed),
  );
}

/** The file's text as written to disk: stable key order, indented for people who open it. */
export function serializeScoreFile(file: ScoreFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Parse, validate and verify a score file. The signature is checked over the object exactly as
 * read (not over the schema's output), because that is what the expert's laptop signed.
 * Note: a valid signature proves integrity and which key signed; whether that key belongs to
 * `expert.id` is for the caller to decide (compare `keyFingerprint` with the registered key).
 */
export function readScoreFile(text: string, fileName: string): Parsed<VerifiedScoreFile> {
  const json = parseJsonText(text, fileName);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const raw = json.value;
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      problems: [{ file: fileName, field: '', message: '内容不是评分文件（应为 JSON 对象）' }],
    };
  }
  if (raw.format !== SCORES_FORMAT) {
    // One clear message beats a dozen field errors when someone picked the wrong file.
    const message =
      raw.format === 'review-desk/round@1'
        ? '这是评审包的 round.json，不是评分文件'
        : `不是评分文件：格式标识应为“${SCORES_FORMAT}”`;
    return { ok: false, problems: [{ file: fileName, field: 'format', message }] };
  }
  const parsed = parseWith(scoreFileSchema, raw, fileName);
  if (!parsed.ok) return parsed;

  let payload: Uint8Array;
  try {
    payload = scoreFileSigningPayload(raw);
  } catch (error) {
    const problem: InputProblem = {
      file: fileName,
      field: error instanceof CanonicalJsonError ? error.path.replace(/^\$\.?/, '') : '',
      message: '内容无法规范化，不能验证签名（含有无效的 Unicode 字符）',
    };
    return { ok: false, problems: [problem] };
  }
  const publicKey = decodeBase64(parsed.value.signature.publicKey);
  const signature = decodeBase64(parsed.value.signature.value);
  if (!verifyEd25519(signature, payload, publicKey)) {
    return {
      ok: false,
      problems: [{ file: fileName, field: 'signature', message: BAD_SIGNATURE_MESSAGE }],
    };
  }
  return {
    ok: true,
    value: {
      fileName,
      content: parsed.value,
      keyFingerprint: keyFingerprint(publicKey),
      digest: sha256Hex(payload),
    },
  };
}

/**
 * One expert's file for a 20 000-packet round with long comments stays well below this; a
 * larger file is refused before it is decoded.
 */
export const SCORE_FILE_MAX_BYTES = 64 * 1024 * 1024;

/** readScoreFile for bytes as picked from disk: refuses non-UTF-8 text with a clear message. */
export function readScoreFileBytes(
  bytes: Uint8Array,
  fileName: string,
  maxBytes = SCORE_FILE_MAX_BYTES,
): Parsed<VerifiedScoreFile> {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      problems: [
        {
          file: fileName,
          field: '',
          message: `文件过大（${bytes.length} 字节），评分文件不能超过 ${maxBytes} 字节`,
        },
      ],
    };
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    return {
      ok: false,
      problems: [
        { file: fileName, field: '', message: '文件不是 UTF-8 编码，不是评审台导出的评分文件' },
      ],
    };
  }
  return readScoreFile(text, fileName);
}
