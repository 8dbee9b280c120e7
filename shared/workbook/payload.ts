/**
 * The signed payload of a result workbook (`review-desk/result@2`): the data of record. The
 * visible sheets are a fixed rendering of it (render*.ts), so every visible cell is derivable
 * from the payload and verification can re-render and compare. The central system imports the
 * payload itself; nobody needs to parse the visible cells.
 *
 * Numbers are plain JSON numbers: scores and means have two decimals, points the rubric's steps;
 * none needs more than 15 significant digits, the precision spreadsheets keep.
 */
import { z } from 'zod';
import { evidenceListSchema } from '../evidence/format';
import { FINDING_SEVERITIES, READABLE_RESULT_FORMATS, RESULT_FORMAT } from './format';

const text = z.string();
const num = z.number().finite();

const criterionSchema = z.strictObject({
  id: text,
  section: text,
  title: text,
  max: num,
});

export const resultRoundSchema = z.strictObject({
  id: text,
  title: text,
  kind: z.enum(['selection', 'evaluation', 'inspection']),
  programme: text,
  aggregation: z.strictObject({
    method: z.enum(['mean', 'trimmed-mean', 'median']),
    trimWhenAtLeast: num,
    deviationFlag: num,
    vetoRule: z.enum(['majority', 'any']),
    tieBreak: z.array(text),
  }),
  quotas: z.array(z.strictObject({ group: text, count: num, reserve: num })),
  passLine: num,
  bands: z.array(z.strictObject({ label: text, min: num })),
  /** Every criterion of the rubric, in rubric order (columns of 评分明细). */
  criteria: z.array(criterionSchema),
  /** `rule` only for a veto with its own rule (docs/formats.md, Round settings). */
  vetoes: z.array(
    z.strictObject({ id: text, title: text, rule: z.enum(['majority', 'any']).optional() }),
  ),
});

export const resultExpertSchema = z.strictObject({
  id: text,
  name: text,
  org: text,
  city: text,
  /** Fingerprint of the expert's registered key (or of the key that signed their files); null when not known. */
  keyFingerprint: text.nullable(),
  /** The expert's registered public key, canonical base64 of the raw 32 bytes; null when none was registered. */
  publicKey: text.nullable(),
});

export const packetOutcomeSchema = z.strictObject({
  packetId: text,
  title: text,
  applicant: text,
  city: text,
  group: text,
  n: num,
  /** Two decimals; null without valid sheets. */
  score: num.nullable(),
  method: z.enum(['mean', 'trimmed-mean', 'median']).nullable(),
  rank: num.nullable(),
  tied: z.boolean(),
  decision: text.nullable(),
  decisionSource: z.enum(['rule', 'veto', 'chair']).nullable(),
  chairDecision: z.strictObject({ decision: text, reason: text }).nullable(),
  /** Rubric vetoes ticked on at least one valid sheet. */
  vetoes: z.array(z.strictObject({ id: text, ticks: num, decisive: z.boolean() })),
  tieAtQuota: z
    .strictObject({ lines: z.array(z.enum(['count', 'reserve'])), packetIds: z.array(text) })
    .nullable(),
  /** Compile flag codes (docs/compile-rules.md). */
  flags: z.array(text),
});

export const sheetRecordSchema = z.strictObject({
  packetId: text,
  expertId: text,
  revision: num,
  points: num,
  scores: z.record(z.string(), num),
  /** Ids of the vetoes this sheet ticked, in rubric order. */
  vetoes: z.array(text),
  vetoReasons: z.record(z.string(), text),
  comment: text,
  trimmed: z.enum(['highest', 'lowest']).nullable(),
  deviation: z.strictObject({
    flagged: z.boolean(),
    othersMean: num.nullable(),
    distance: num.nullable(),
    threshold: num,
    status: z.enum(['pending', 'confirmed', 'revised']).nullable(),
    reason: text.nullable(),
  }),
});

export const conflictRecordSchema = z.strictObject({
  packetId: text,
  expertId: text,
  reason: text,
});

export const auditRecordSchema = z.strictObject({
  at: text,
  actor: text,
  action: text,
  subject: text,
  detail: text,
});

/** 问题清单: a finding recorded at an inspection site (拉练). */
export const findingRecordSchema = z.strictObject({
  packetId: text,
  /** The site's (packet's) title. */
  title: text,
  severity: z.enum(FINDING_SEVERITIES),
  description: text,
  /** 整改责任单位/人. */
  owner: text,
  /** 整改期限, YYYY-MM-DD, or '' when none was set. */
  dueDate: text,
  status: z.enum(['open', 'closed']),
  recordedBy: text,
  /** ISO 8601 with offset. */
  recordedAt: text,
  closedAt: text.nullable(),
});

/** 动态调整: a body's status cancelled (取消资格) or added (增列), by decision. */
export const adjustmentRecordSchema = z.strictObject({
  packetId: text,
  title: text,
  /** The cultivating body (申报单位). */
  applicant: text,
  action: z.enum(['cancel', 'add']),
  /** What the decision rests on, e.g. `评估不合格`; '' when not stated. */
  basis: text,
  reason: text,
  /** YYYY-MM-DD. */
  decidedOn: text,
  decidedBy: text,
});

/** 综合评估 of 市(州): shared/compile cityRanking's result, as computed. */
export const cityRankingRecordSchema = z.strictObject({
  quota: num,
  cities: z.array(
    z.strictObject({
      city: text,
      packets: num,
      counted: num,
      score: num.nullable(),
      rank: num.nullable(),
      tied: z.boolean(),
      advanced: z.boolean().nullable(),
    }),
  ),
});

/** 专家组意见 (@3): the chair's written opinion of the panel on one packet. */
export const opinionRecordSchema = z.strictObject({
  packetId: text,
  text,
  /** The chair who wrote it, as 姓名（专家编号）. */
  chair: text,
  /** ISO 8601 with offset. */
  at: text,
});

const payloadShape = z.strictObject({
  format: z.enum(READABLE_RESULT_FORMATS),
  /** ISO 8601 with offset. */
  generatedAt: text,
  /** The program that wrote it, e.g. `review-desk 0.1.0`. */
  generator: text,
  round: resultRoundSchema,
  experts: z.array(resultExpertSchema),
  /** One per packet, grouped and in result order as compiled (rows of 结果汇总). */
  results: z.array(packetOutcomeSchema),
  /** Valid sheets, packet in result order then expert id (rows of 评分明细). */
  sheets: z.array(sheetRecordSchema),
  /** 回避 (rows of 回避记录). */
  conflicts: z.array(conflictRecordSchema),
  /** Audit entries passed in by the writer (rows of 审计记录); may be empty. */
  audit: z.array(auditRecordSchema),
  /**
   * Optional sections. Absent unless the writer has them, so a workbook without them
   * has exactly the payload and sheets it had before; each present one adds its sheet.
   * 问题清单 rows: inspection findings, in route order then time recorded.
   */
  findings: z.array(findingRecordSchema).optional(),
  /** 动态调整 rows: in result order of the packets, then decision date. */
  adjustments: z.array(adjustmentRecordSchema).optional(),
  /** 城市排名 rows: present for a 综合评估 of 市(州) (an evaluation round with a 先进市(州) quota). */
  cityRanking: cityRankingRecordSchema.optional(),
  /**
   * @3: the files of the evidence archive beside the workbook (`NAME.evidence.zip`), each with
   * its SHA-256 and size; present only for an inspection or evaluation round that has evidence.
   */
  evidence: evidenceListSchema.optional(),
  /** @3 only, and always there: 专家组意见 in result order of the packets (may be empty). */
  opinions: z.array(opinionRecordSchema).optional(),
});

/** @3 carries `opinions` (possibly empty); @2 never does. */
export const resultPayloadSchema = payloadShape.superRefine((payload, context) => {
  const isV3 = payload.format === RESULT_FORMAT;
  if (isV3 !== (payload.opinions !== undefined)) {
    context.addIssue({
      code: 'custom',
      path: ['opinions'],
      message: isV3 ? `${RESULT_FORMAT} 必须含有 opinions` : `${payload.format} 不含 opinions`,
    });
  }
  if (!isV3 && payload.evidence !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['evidence'],
      message: `${payload.format} 不含 evidence`,
    });
  }
});

export type ResultRound = z.infer<typeof resultRoundSchema>;
export type ResultExpert = z.infer<typeof resultExpertSchema>;
export type PacketOutcome = z.infer<typeof packetOutcomeSchema>;
export type SheetRecord = z.infer<typeof sheetRecordSchema>;
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;
export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type ResultPayload = z.infer<typeof resultPayloadSchema>;
export type FindingRecord = z.infer<typeof findingRecordSchema>;
export type AdjustmentRecord = z.infer<typeof adjustmentRecordSchema>;
export type CityRankingRecord = z.infer<typeof cityRankingRecordSchema>;
export type OpinionRecord = z.infer<typeof opinionRecordSchema>;
