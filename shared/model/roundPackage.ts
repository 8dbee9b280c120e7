import { z } from 'zod';
import { publicKeySchema } from './publicKey';
import { idSchema, multiLineTextSchema, rubricSchema, textSchema } from './rubric';

export const ROUND_FORMAT = 'review-desk/round@1';

export const roundKinds = ['selection', 'evaluation', 'inspection'] as const;
export type RoundKind = (typeof roundKinds)[number];

export const aggregationSchema = z.object({
  method: z.enum(['mean', 'trimmed-mean', 'median']),
  trimWhenAtLeast: z.number().int().min(3).default(5),
  deviationFlag: z.number().min(0).max(1).default(0.2),
  vetoRule: z.enum(['majority', 'any']).default('majority'),
  tieBreak: z.array(idSchema).default([]),
});

export const quotaSchema = z.object({
  group: textSchema(100).min(1, '不能为空'),
  count: z.number().int().min(0),
  reserve: z.number().int().min(0).default(0),
});

export const expertSchema = z.object({
  id: idSchema,
  name: textSchema(50).min(1, '不能为空'),
  org: textSchema(200).default(''),
  city: textSchema(50).default(''),
  /** 职称 (教授, 高级工程师 …), shown beside the name on the panel, 签到 and 承诺书. Optional. */
  title: textSchema(50).optional(),
  /**
   * The expert's registered score-file signing key, when the central system knows it before the
   * round (canonical base64 of the raw 32 bytes). Absent: registered at 签到 or supplied with
   * `review-desk compile --expert-keys`.
   */
  publicKey: publicKeySchema.optional(),
});

export const roundSchema = z
  .object({
    format: z.literal(ROUND_FORMAT, { message: `格式标识必须是“${ROUND_FORMAT}”` }),
    id: idSchema,
    title: textSchema(200).min(1, '不能为空'),
    kind: z.enum(roundKinds, { message: '评审类型必须是 selection、evaluation 或 inspection' }),
    programme: textSchema(100).default(''),
    rubric: rubricSchema,
    aggregation: aggregationSchema,
    quotas: z.array(quotaSchema).default([]),
    experts: z.array(expertSchema).min(1, '至少要有一位评审专家'),
  })
  .superRefine((round, ctx) => {
    const ids = new Set<string>();
    round.experts.forEach((expert, i) => {
      if (ids.has(expert.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `专家编号“${expert.id}”重复`,
          path: ['experts', i, 'id'],
        });
      }
      ids.add(expert.id);
    });
    // One key speaks for one expert: a shared key would let one laptop sign for two people.
    const keyOwners = new Map<string, string>();
    round.experts.forEach((expert, i) => {
      if (expert.publicKey === undefined) return;
      const owner = keyOwners.get(expert.publicKey);
      if (owner !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `专家“${expert.id}”的公钥与专家“${owner}”相同：每位专家必须有自己的密钥`,
          path: ['experts', i, 'publicKey'],
        });
      } else keyOwners.set(expert.publicKey, expert.id);
    });
    const quotaGroups = new Set<string>();
    round.quotas.forEach((quota, i) => {
      if (quotaGroups.has(quota.group)) {
        ctx.addIssue({
          code: 'custom',
          message: `分组“${quota.group}”的名额重复设置`,
          path: ['quotas', i, 'group'],
        });
      }
      quotaGroups.add(quota.group);
    });
    const criterionIds = new Set(round.rubric.sections.flatMap((s) => s.criteria.map((c) => c.id)));
    round.aggregation.tieBreak.forEach((id, i) => {
      if (!criterionIds.has(id)) {
        ctx.addIssue({
          code: 'custom',
          message: `并列排序指标“${id}”不在评分表中`,
          path: ['aggregation', 'tieBreak', i],
        });
      }
    });
  });

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '必须是 64 位小写十六进制 SHA-256');

export const attachmentRefSchema = z.object({
  name: textSchema(200).min(1, '不能为空'),
  /** Path inside the zip, always under attachments/. Checked for escapes by the package reader. */
  path: textSchema(500).min(1, '不能为空'),
  sha256: sha256Hex,
  size: z.number().int().min(0),
});

export const applicantSchema = z.object({
  name: textSchema(200).min(1, '不能为空'),
  city: textSchema(50).default(''),
  county: textSchema(50).default(''),
  type: textSchema(50).default(''),
});

export const packetSchema = z.object({
  id: idSchema,
  title: textSchema(300).min(1, '不能为空'),
  applicant: applicantSchema,
  category: textSchema(100).default(''),
  group: textSchema(100).default(''),
  fields: z.record(textSchema(100), multiLineTextSchema(20000)).default({}),
  attachments: z.array(attachmentRefSchema).default([]),
});

export type Aggregation = z.infer<typeof aggregationSchema>;
export type Quota = z.infer<typeof quotaSchema>;
export type Expert = z.infer<typeof expertSchema>;
export type Round = z.infer<typeof roundSchema>;
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;
export type Applicant = z.infer<typeof applicantSchema>;
export type Packet = z.infer<typeof packetSchema>;
