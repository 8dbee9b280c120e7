/**
 * The optional sheets, each rendered from its payload section alone: 问题清单
 * (inspection findings), 动态调整 (取消资格 / 增列 of cultivating bodies) and 城市排名 (综合评估 of
 * 市(州)). Like every visible sheet, a fixed function of the payload, re-rendered by the verifier.
 */
import { SHEET, TWO_DECIMALS } from './format';
import type { ResultPayload } from './payload';
import { textCell, type SheetTable } from './table';

const FINDING_STATUS = { open: '待整改', closed: '已整改' } as const;
const ADJUSTMENT_ACTION = { cancel: '取消资格', add: '增列' } as const;

export function renderFindings(payload: ResultPayload): SheetTable | null {
  if (!payload.findings) return null;
  return {
    name: SHEET.findings,
    columns: [
      '序号',
      '项目编号',
      '项目名称',
      '严重程度',
      '问题描述',
      '整改责任单位/人',
      '整改期限',
      '状态',
      '记录人',
      '记录时间',
      '整改关闭时间',
    ].map((header) => ({ header })),
    rows: payload.findings.map((f, i) => [
      i + 1,
      f.packetId,
      textCell(f.title),
      f.severity,
      textCell(f.description),
      textCell(f.owner),
      textCell(f.dueDate),
      FINDING_STATUS[f.status],
      textCell(f.recordedBy),
      textCell(f.recordedAt),
      textCell(f.closedAt),
    ]),
  };
}

export function renderAdjustments(payload: ResultPayload): SheetTable | null {
  if (!payload.adjustments) return null;
  const decisions = new Map(payload.results.map((r) => [r.packetId, r.decision]));
  return {
    name: SHEET.adjustments,
    columns: [
      '序号',
      '项目编号',
      '项目名称',
      '培育主体',
      '调整类型',
      '评估结论',
      '依据',
      '理由',
      '决定日期',
      '决定人',
    ].map((header) => ({ header })),
    rows: payload.adjustments.map((a, i) => [
      i + 1,
      a.packetId,
      textCell(a.title),
      textCell(a.applicant),
      ADJUSTMENT_ACTION[a.action],
      textCell(decisions.get(a.packetId)),
      textCell(a.basis),
      textCell(a.reason),
      textCell(a.decidedOn),
      textCell(a.decidedBy),
    ]),
  };
}

export function renderCityRanking(payload: ResultPayload): SheetTable | null {
  const ranking = payload.cityRanking;
  if (!ranking) return null;
  return {
    name: SHEET.cityRanking,
    columns: [
      { header: '排名' },
      { header: '市(州)' },
      { header: '参评项目数' },
      { header: '计分项目数' },
      { header: '得分', format: TWO_DECIMALS },
      { header: '结论' },
      { header: '标记' },
    ],
    rows: ranking.cities.map((c) => [
      c.rank,
      c.city,
      c.packets,
      c.counted,
      c.score,
      c.score === null
        ? c.packets === 0
          ? '未参评'
          : '无有效得分'
        : c.advanced === null
          ? '待定'
          : c.advanced
            ? '先进市(州)'
            : null,
      c.advanced === null
        ? `并列第 ${c.rank} 名，跨先进市(州)名额线（${ranking.quota} 个），待主管部门决定`
        : c.tied
          ? `并列第 ${c.rank} 名`
          : null,
    ]),
  };
}
