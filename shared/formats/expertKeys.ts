/**
 * Expert-key registration file (format `review-desk/expert-keys@1`, see docs/formats.md): which
 * Ed25519 public key speaks for which expert of a round. The secretariat exports it after 签到;
 * `review-desk compile --expert-keys FILE` reads it. A score file is accepted only when signed
 * by the key registered here (or in the round package) for its expert.
 */
import { z } from 'zod';
import type { Round } from '../model/roundPackage';
import { publicKeySchema } from '../model/publicKey';
import { idSchema, textSchema } from '../model/rubric';
import { parseWith, type InputProblem, type Parsed } from '../model/validation';
import { parseJsonBytes, parseJsonText, type JsonResult } from './text';

export const EXPERT_KEYS_FORMAT = 'review-desk/expert-keys@1';

/** Exactly the pinned members: an unknown one is refused, naming it and what is allowed. */
const onlyMembers = (allowed: string) => ({
  error: (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `不允许的成员 ${(issue.keys ?? []).map((k) => `“${k}”`).join('、')}：只能有 ${allowed}`
      : undefined,
});

export const expertKeyEntrySchema = z.strictObject(
  {
    id: idSchema,
    name: textSchema(50).min(1, '不能为空'),
    publicKey: publicKeySchema,
  },
  onlyMembers('id、name、publicKey'),
);

export const expertKeysFileSchema = z
  .strictObject(
    {
      format: z.literal(EXPERT_KEYS_FORMAT, { message: `格式标识必须是“${EXPERT_KEYS_FORMAT}”` }),
      roundId: idSchema,
      experts: z.array(expertKeyEntrySchema),
    },
    onlyMembers('format、roundId、experts'),
  )
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const owners = new Map<string, string>();
    file.experts.forEach((entry, i) => {
      if (ids.has(entry.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `专家编号“${entry.id}”重复：每位专家只能登记一个公钥`,
          path: ['experts', i, 'id'],
        });
      }
      ids.add(entry.id);
      const owner = owners.get(entry.publicKey);
      if (owner !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `与专家“${owner}”的公钥相同：一个密钥只能属于一位专家`,
          path: ['experts', i, 'publicKey'],
        });
      } else owners.set(entry.publicKey, entry.id);
    });
  });

export type ExpertKeyEntry = z.infer<typeof expertKeyEntrySchema>;
export type ExpertKeysFile = z.infer<typeof expertKeysFileSchema>;

const fromJson = (json: JsonResult, fileName: string): Parsed<ExpertKeysFile> =>
  json.ok
    ? parseWith(expertKeysFileSchema, json.value, fileName)
    : { ok: false, problems: [json.problem] };

/** Parse and validate the file's text (the round is checked by expertKeysRoundProblems). */
export function readExpertKeys(text: string, fileName: string): Parsed<ExpertKeysFile> {
  // The parser every format reader shares: its rules (BOM, syntax, duplicate members, depth) apply here.
  return fromJson(parseJsonText(text, fileName), fileName);
}

/** readExpertKeys for bytes as picked from disk: refuses non-UTF-8 text, saying so. */
export function readExpertKeysBytes(bytes: Uint8Array, fileName: string): Parsed<ExpertKeysFile> {
  return fromJson(parseJsonBytes(bytes, fileName), fileName);
}

/** What makes a valid expert-key file unusable for `round`: another round, unknown ids, other names. */
export function expertKeysRoundProblems(
  file: ExpertKeysFile,
  round: Pick<Round, 'id' | 'experts'>,
  fileName: string,
): InputProblem[] {
  if (file.roundId !== round.id) {
    return [
      {
        file: fileName,
        field: 'roundId',
        message: `这是评审“${file.roundId}”的专家公钥登记，不是本评审“${round.id}”的`,
      },
    ];
  }
  const roster = new Map(round.experts.map((e) => [e.id, e]));
  const problems: InputProblem[] = [];
  file.experts.forEach((entry, i) => {
    const expert = roster.get(entry.id);
    if (!expert) {
      problems.push({
        file: fileName,
        field: `experts[${i}].id`,
        message: `专家“${entry.id}”（${entry.name}）不在本评审的专家名单中`,
      });
    } else if (expert.name !== entry.name) {
      problems.push({
        file: fileName,
        field: `experts[${i}].name`,
        message: `专家编号 ${entry.id} 在本评审名单中是“${expert.name}”，登记文件中却是“${entry.name}”`,
      });
    }
  });
  return problems;
}

/** The file as written: members in the pinned order, indented for people who open it. */
export function serializeExpertKeys(file: ExpertKeysFile): string {
  const ordered: ExpertKeysFile = {
    format: EXPERT_KEYS_FORMAT,
    roundId: file.roundId,
    experts: file.experts.map((e) => ({ id: e.id, name: e.name, publicKey: e.publicKey })),
  };
  return `${JSON.stringify(ordered, null, 1)}\n`;
}
