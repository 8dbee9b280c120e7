/** 专家组意见 (@3): one row per packet with an opinion, in result order. */
import { SHEET } from './format';
import { conclusion } from './marks';
import type { ResultPayload } from './payload';
import { textCell, type SheetTable } from './table';

export const OPINION_COLUMNS = [
  '项目编号',
  '项目名称',
  '分组',
  '结论',
  '专家组意见',
  '组长',
  '填写时间',
] as const;

/** Null for a payload without the section (@2): the sheet is not written. */
export function renderOpinions(payload: ResultPayload): SheetTable | null {
  if (!payload.opinions) return null;
  const results = new Map(payload.results.map((r) => [r.packetId, r]));
  return {
    name: SHEET.opinions,
    columns: OPINION_COLUMNS.map((header) => ({ header })),
    rows: payload.opinions.map((o) => {
      const result = results.get(o.packetId);
      return [
        o.packetId,
        textCell(result?.title),
        textCell(result?.group),
        textCell(result ? conclusion(result, payload.format) : null),
        textCell(o.text),
        textCell(o.chair),
        textCell(o.at),
      ];
    }),
  };
}
