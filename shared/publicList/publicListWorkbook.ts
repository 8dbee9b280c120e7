/**
 * 公示名单 as its own `.xlsx`: one sheet per group with the header row 排名, 项目名称, 申报单位,
 * 市(州), 得分, 结论 (得分 in `0.00`), printed like the result workbook (A4 landscape, one page
 * wide, header row on every page, a footer with the round, the list's short digest and the page).
 * Unsigned: it is a publication, and its digest on every page ties it to the printed list.
 */
import { shortHash } from '../signing/hash';
import { TWO_DECIMALS } from '../workbook/format';
import { textCell, type SheetTable } from '../workbook/table';
import { writeWorkbook } from '../workbook/xlsxWrite';
import { paperDigest } from '../papers/expertPaper';
import { PUBLIC_LIST_COLUMNS, publicListTitle, type PublicList } from './publicList';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
export function publicSheetNames(groups: readonly string[]): string[] {
  const used = new Set<string>();
  return groups.map((group) => {
    const base = (group.replace(/[:\\/?*[\]]/g, '_').trim() || '公示名单').slice(0, 28);
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}(${n})`;
    used.add(name);
    return name;
  });
}

export function publicListTables(list: PublicList): SheetTable[] {
  const names = publicSheetNames(list.groups.map((g) => g.group));
  return list.groups.map((group, i) => ({
    name: names[i]!,
    columns: PUBLIC_LIST_COLUMNS.map((header) =>
      header === '得分' ? { header, format: TWO_DECIMALS } : { header },
    ),
    rows: group.rows.map((row) => [
      row.rank,
      textCell(row.title),
      textCell(row.applicant),
      textCell(row.city),
      row.score,
      textCell(row.conclusion),
    ]),
  }));
}

export function writePublicListWorkbook(list: PublicList): Uint8Array {
  const tables = publicListTables(list);
  if (tables.length === 0) throw new Error('公示名单没有可公示的项目');
  return writeWorkbook(tables, null, {
    title: publicListTitle(list),
    roundId: list.roundId,
    shortHash: shortHash(paperDigest(list)),
  });
}
