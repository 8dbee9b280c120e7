/** 评分明细: one row per valid sheet (packet × expert), one column per rubric criterion. */
import { formatHundredths } from '../compile/decimal';
import { SHEET } from './format';
import type { ResultPayload, SheetRecord } from './payload';
import { textCell, type CellValue, type SheetTable } from './table';

const TRIMMED = { highest: '去掉最高分', lowest: '去掉最低分' } as const;
const STATUS = { pending: '待复核', confirmed: '已确认', revised: '已修订' } as const;

/** Two-decimal figures in text; they are two-decimal already, so ×100 is an integer. */
const two = (value: number) => formatHundredths(Math.round(value * 100));

function deviationText(sheet: SheetRecord): string {
  const d = sheet.deviation;
  if (!d.flagged && d.status === null) return '';
  const numbers =
    d.distance !== null && d.othersMean !== null
      ? `偏离 ${two(d.distance)} 分（其他专家平均 ${two(d.othersMean)}，阈值 ${two(d.threshold)}）`
      : '偏离';
  const status = d.status ? `，${STATUS[d.status]}` : '';
  const reason = d.reason ? `：${d.reason}` : '';
  return `${numbers}${status}${reason}`;
}

export function renderDetail(payload: ResultPayload): SheetTable {
  const { criteria, vetoes } = payload.round;
  const vetoTitle = new Map(vetoes.map((v) => [v.id, v.title]));
  const titles = new Map(payload.results.map((r) => [r.packetId, r.title]));
  const names = new Map(payload.experts.map((e) => [e.id, e.name]));
  return {
    name: SHEET.detail,
    columns: [
      { header: '项目编号' },
      { header: '项目名称' },
      { header: '专家编号' },
      { header: '专家姓名' },
      { header: '修订号' },
      ...criteria.map((c) => ({ header: `${c.title}（${c.max}分）` })),
      { header: '合计' },
      { header: '否决项' },
      { header: '否决理由' },
      { header: '去掉' },
      { header: '偏离' },
      { header: '评语' },
    ],
    rows: payload.sheets.map((s): CellValue[] => [
      s.packetId,
      textCell(titles.get(s.packetId)),
      s.expertId,
      textCell(names.get(s.expertId)),
      s.revision,
      ...criteria.map((c) => s.scores[c.id] ?? null),
      s.points,
      textCell(s.vetoes.map((id) => vetoTitle.get(id) ?? id).join('、')),
      textCell(
        Object.entries(s.vetoReasons)
          .map(([id, reason]) => `${vetoTitle.get(id) ?? id}：${reason}`)
          .join('；'),
      ),
      textCell(s.trimmed ? TRIMMED[s.trimmed] : null),
      textCell(deviationText(s)),
      textCell(s.comment),
    ]),
  };
}
