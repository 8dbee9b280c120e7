import { z } from 'zod';
import { unsafeTextProblem } from './safeText';

/**
 * Names every plain object answers to (`constructor`, `toString` …). Ids are looked up as keys
 * of scores, vetoes and reasons read from files; an id with such a name would find the inherited
 * member where the file has none, so these names are refused as ids.
 */
const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype),
);

/** Identifiers appear in file names, workbook cells and JSON keys: keep them plain. */
export const idSchema = z
  .string()
  .min(1, '不能为空')
  .max(64, '不能超过 64 个字符')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    '只能包含字母、数字、点、下划线和连字符，且以字母或数字开头',
  )
  .refine((id) => !OBJECT_MEMBER_NAMES.has(id), {
    message: '是程序保留的名称，请换一个编号',
  });

const safeText = (max: number, multiLine: boolean) =>
  z
    .string()
    .max(max, `不能超过 ${max} 个字符`)
    .superRefine((text, ctx) => {
      const problem = unsafeTextProblem(text, multiLine);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** One line of text (names, titles): no control characters, no bidi overrides or isolates. */
export const textSchema = (max: number) => safeText(max, false);

/** Text that may run over several lines (comments, guidance, reasons): tab and newline allowed. */
export const multiLineTextSchema = (max: number) => safeText(max, true);

export const criterionSchema = z
  .object({
    id: idSchema,
    title: textSchema(200).min(1, '不能为空'),
    guidance: multiLineTextSchema(2000).default(''),
    max: z.number().positive('满分必须大于 0').max(1000, '满分不能超过 1000'),
    step: z.number().positive('步长必须大于 0'),
  })
  .refine((c) => isMultipleOf(c.max, c.step), {
    message: '满分必须是步长的整数倍',
    path: ['step'],
  });

export const sectionSchema = z.object({
  id: idSchema,
  title: textSchema(200).min(1, '不能为空'),
  criteria: z.array(criterionSchema).min(1, '每个部分至少要有一项评分指标'),
});

export const vetoRules = ['majority', 'any'] as const;
export type VetoRule = (typeof vetoRules)[number];

export const vetoSchema = z.object({
  id: idSchema,
  title: textSchema(200).min(1, '不能为空'),
  /**
   * When this veto rules a packet out: `any` on one tick, `majority` on more than half of the
   * valid sheets. Absent: the round's `aggregation.vetoRule`.
   */
  rule: z.enum(vetoRules, { message: '否决规则必须是 majority 或 any' }).optional(),
});

export const bandSchema = z.object({
  label: textSchema(20).min(1, '不能为空'),
  min: z.number().min(0),
});

export const rubricSchema = z
  .object({
    id: idSchema,
    title: textSchema(200).min(1, '不能为空'),
    sections: z.array(sectionSchema).min(1, '评分表至少要有一个部分'),
    vetoes: z.array(vetoSchema).default([]),
    /** Fraction of the rubric maximum below which a comment is required. */
    commentRequiredBelow: z.number().min(0).max(1).default(0.6),
    passLine: z.number().min(0).default(60),
    bands: z.array(bandSchema).default([]),
  })
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.sections.forEach((section, s) =>
      section.criteria.forEach((criterion, c) => {
        if (seen.has(criterion.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `评分指标编号“${criterion.id}”重复`,
            path: ['sections', s, 'criteria', c, 'id'],
          });
        }
        seen.add(criterion.id);
      }),
    );
    const vetoIds = new Set<string>();
    rubric.vetoes.forEach((veto, v) => {
      if (vetoIds.has(veto.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `否决项编号“${veto.id}”重复`,
          path: ['vetoes', v, 'id'],
        });
      }
      vetoIds.add(veto.id);
    });
  });

export type Criterion = z.infer<typeof criterionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Veto = z.infer<typeof vetoSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Rubric = z.infer<typeof rubricSchema>;

/** Exact for the decimal steps rubrics use (0.5, 0.25, 0.1): compare in scaled integers. */
export function isMultipleOf(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}
