/** 结果汇总: one row per packet, grouped and in result order as compiled. */
import { SHEET, SUMMARY_COLUMNS, TWO_DECIMALS } from './format';
import { conclusion, markContext, marks } from './marks';
import type { ResultPayload, SheetRecord } from './payload';
import { textCell, type SheetTable } from './table';

export function renderSummary(payload: ResultPayload): SheetTable {
  const context = markContext(payload);
  const sheetsByPacket = new Map<string, SheetRecord[]>();
  for (const sheet of payload.sheets) {
    const list = sheetsByPacket.get(sheet.packetId) ?? [];
    list.push(sheet);
    sheetsByPacket.set(sheet.packetId, list);
  }
  return {
    name: SHEET.summary,
    columns: SUMMARY_COLUMNS.map((header) =>
      header === '得分' ? { header, format: TWO_DECIMALS } : { header },
    ),
    rows: payload.results.map((r) => [
      r.rank,
      r.packetId,
      textCell(r.title),
      textCell(r.applicant),
      textCell(r.city),
      textCell(r.group),
      r.n,
      r.score,
      textCell(conclusion(r, payload.format)),
      textCell(marks(r, sheetsByPacket.get(r.packetId) ?? [], context)),
    ]),
  };
}
