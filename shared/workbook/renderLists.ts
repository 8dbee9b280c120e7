/** 专家名单, 回避记录 and 审计记录: plain lists from the payload. */
import { SHEET } from './format';
import type { ResultPayload } from './payload';
import { textCell, type SheetTable } from './table';

export function renderExperts(payload: ResultPayload): SheetTable {
  const valid = new Map<string, number>();
  for (const s of payload.sheets) valid.set(s.expertId, (valid.get(s.expertId) ?? 0) + 1);
  const conflicts = new Map<string, number>();
  for (const c of payload.conflicts)
    conflicts.set(c.expertId, (conflicts.get(c.expertId) ?? 0) + 1);
  return {
    name: SHEET.experts,
    columns: ['专家编号', '姓名', '单位', '市(州)', '有效评分数', '回避数', '密钥指纹', '公钥'].map(
      (header) => ({ header }),
    ),
    rows: payload.experts.map((e) => [
      e.id,
      textCell(e.name),
      textCell(e.org),
      textCell(e.city),
      valid.get(e.id) ?? 0,
      conflicts.get(e.id) ?? 0,
      textCell(e.keyFingerprint),
      textCell(e.publicKey),
    ]),
  };
}

export function renderConflicts(payload: ResultPayload): SheetTable {
  const titles = new Map(payload.results.map((r) => [r.packetId, r.title]));
  const names = new Map(payload.experts.map((e) => [e.id, e.name]));
  return {
    name: SHEET.conflicts,
    columns: ['项目编号', '项目名称', '专家编号', '专家姓名', '回避原因'].map((header) => ({
      header,
    })),
    rows: payload.conflicts.map((c) => [
      c.packetId,
      textCell(titles.get(c.packetId)),
      c.expertId,
      textCell(names.get(c.expertId)),
      textCell(c.reason),
    ]),
  };
}

export function renderAudit(payload: ResultPayload): SheetTable {
  return {
    name: SHEET.audit,
    columns: ['序号', '时间', '操作人', '操作', '对象', '详情'].map((header) => ({ header })),
    rows: payload.audit.map((a, i) => [
      i + 1,
      textCell(a.at),
      textCell(a.actor),
      textCell(a.action),
      textCell(a.subject),
      textCell(a.detail),
    ]),
  };
}
