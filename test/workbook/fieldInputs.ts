/**
 * Inputs for the optional sheets (问题清单, 动态调整, 城市排名): an evaluation round with a
 * dynamic adjustment and an inspection round with a finding, compiled.
 */
import { compileRound, type CompileSheet } from '@shared/compile';
import { buildEvaluationRound, buildInspectionRound } from '@shared/demo/fieldRounds';
import type { ResultWorkbookInput } from '@shared/workbook';

const meta = { generatedAt: '2026-11-21T10:00:00+08:00', generator: 'review-desk test' };

function sheetOf(expertId: string, packetId: string, scores: Record<string, number>): CompileSheet {
  return { packetId, expertId, status: 'submitted', scores, vetoes: {}, revision: 1 };
}

export function evaluationInput(): ResultWorkbookInput {
  const { round, packets } = buildEvaluationRound();
  const full = (points: number) =>
    Object.fromEntries(
      round.rubric.sections
        .flatMap((s) => s.criteria)
        .map((c, i) => [c.id, i === 0 ? points - (100 - c.max) : c.max]),
    );
  // B01: 100 → 优秀; B02: 90 − 20 = 70 → 合格; B03: 85 − 35 = 50 → 不合格.
  const sheets = [
    sheetOf('E1', 'B01', full(100)),
    sheetOf('E1', 'B02', full(90)),
    sheetOf('E1', 'B03', full(85)),
  ];
  sheets[1]!.scores = { ...sheets[1]!.scores, 'public-opinion': 0 };
  sheets[2]!.scores = { ...sheets[2]!.scores, 'public-opinion': 0, 'spot-check': 0 };
  return {
    round,
    packets,
    sheets,
    result: compileRound({ round, packets, sheets }),
    adjustments: [
      {
        packetId: 'B03',
        action: 'cancel',
        basis: '评估不合格',
        reason: '年度培训目标完成不足三成，=抽查复核材料不实',
        decidedOn: '2026-11-21',
        decidedBy: '吴刚',
      },
    ],
    ...meta,
  };
}

export function inspectionInput(): ResultWorkbookInput {
  const { round, packets } = buildInspectionRound();
  return {
    round,
    packets,
    sheets: [],
    result: compileRound({ round, packets, sheets: [] }),
    findings: [
      {
        packetId: 'S02',
        severity: '较重',
        description: '实训楼消防通道堆放建材',
        owner: '绵阳市人社局 王主任',
        dueDate: '2026-12-31',
        status: 'open',
        recordedBy: '赵明',
        recordedAt: '2026-11-20T15:04:00+08:00',
        closedAt: null,
      },
    ],
    ...meta,
  };
}
