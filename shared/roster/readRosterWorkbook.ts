/**
 * Reads a roster workbook (.xlsx, or the older .xls) into text rows with SheetJS, which is pure
 * JavaScript and adds no DOM or Node types to shared/. Cells are taken as the text Excel shows:
 * SheetJS never evaluates formulas, and a cell typed as `=1+2` stays that text.
 */
import * as XLSX from 'xlsx';
import { unsafeTextProblem } from '../model/safeText';
import type { InputProblem, Parsed } from '../model/validation';
import { formatBytes, readZip, type ZipLimits } from '../formats/zip';
import { parseXlsxEntries, repairCharRefs } from '../workbook/xlsxPackage';
import { EXPERT_SHEET_NAMES, normaliseHeader } from './rosterColumns';
import type { RosterSheet, RosterTables } from './rosterToRound';

const MiB = 1024 * 1024;

function isZip(bytes: Uint8Array) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}
function isOle(bytes: Uint8Array) {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function sheetRows(sheet: XLSX.WorkSheet, name: string): RosterSheet & { firstColumn: number } {
  const ref = sheet['!ref'];
  const start = ref ? XLSX.utils.decode_range(ref).s : { r: 0, c: 0 };
  const firstRow = start.r + 1;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: false,
    defval: '',
    blankrows: true,
  });
  return {
    name,
    firstRow,
    firstColumn: start.c,
    rows: rows.map((row) => row.map((v) => String(v ?? ''))),
  };
}

/**
 * Cells holding control characters or bidi overrides, each named by sheet and cell. A cell may
 * run over several lines (Alt+Enter), so tab and newline pass here; names and titles are held to
 * one line when the round is checked.
 */
function unsafeCells(sheet: RosterSheet & { firstColumn: number }, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const problem = unsafeTextProblem(value, true);
      if (problem) {
        const cell = XLSX.utils.encode_cell({
          r: sheet.firstRow - 1 + r,
          c: sheet.firstColumn + c,
        });
        problems.push({ file, field: `工作表“${sheet.name}”单元格 ${cell}`, message: problem });
      }
    }),
  );
  return problems;
}

/**
 * An .xlsx is a zip: the same guards as for round packages run before SheetJS inflates it.
 * Sheet XML compresses far better than attachments, hence the looser ratio. `maxArchiveBytes`
 * also bounds an .xls (not a zip), which SheetJS reads as a whole.
 */
export const ROSTER_LIMITS: Required<ZipLimits> = {
  maxArchiveBytes: 50 * MiB,
  maxEntries: 5_000,
  maxEntryBytes: 200 * MiB,
  maxTotalBytes: 500 * MiB,
  maxRatio: 1_000,
  maxTotalRatio: 1_000,
};

export function readRosterWorkbook(
  bytes: Uint8Array,
  file: string,
  options: { limits?: Partial<ZipLimits> } = {},
): Parsed<RosterTables> {
  const limits = { ...ROSTER_LIMITS, ...options.limits };
  const fail = (message: string): Parsed<RosterTables> => ({
    ok: false,
    problems: [{ file, field: '', message }],
  });
  if (bytes.length === 0) return fail('文件是空的（0 字节），请重新保存名单');
  if (!isZip(bytes) && !isOle(bytes)) {
    return fail('不是 Excel 工作簿（.xlsx 或 .xls）。请在 Excel 或 WPS 中“另存为” .xlsx 后重试');
  }
  if (bytes.length > limits.maxArchiveBytes) {
    return fail(
      `文件过大（${formatBytes(bytes.length)}），名单工作簿不能超过 ${formatBytes(limits.maxArchiveBytes)}`,
    );
  }
  // An .xlsx is parsed from the parts the guard inflated, after the character-reference repair
  // (SheetJS decodes `&#131072;` as U+0000; tools such as openpyxl write 生僻字 that way).
  let entries: Map<string, Uint8Array> | null = null;
  if (isZip(bytes)) {
    const guard = readZip(bytes, file, { limits });
    if (!guard.ok) return guard;
    entries = repairCharRefs(guard.value);
  }
  let workbook: XLSX.WorkBook;
  try {
    const opts = { cellFormula: false, cellHTML: false, cellStyles: false };
    workbook = entries
      ? parseXlsxEntries(entries, opts)
      : XLSX.read(bytes, { type: 'array', ...opts });
  } catch (error) {
    return fail(
      `无法读取工作簿（${error instanceof Error ? error.message : String(error)}），请另存为 .xlsx 后重试`,
    );
  }
  const names = workbook.SheetNames;
  const expertName = names.find((n) => EXPERT_SHEET_NAMES.includes(normaliseHeader(n)));
  const projectName = names.find((n) => n !== expertName && workbook.Sheets[n]?.['!ref']);
  if (!projectName) {
    const problem: InputProblem = {
      file,
      field: '',
      message: '工作簿中没有填写项目的工作表：请在第一张工作表中填写项目清单',
    };
    return { ok: false, problems: [problem] };
  }
  const projects = sheetRows(workbook.Sheets[projectName]!, projectName);
  const experts = expertName ? sheetRows(workbook.Sheets[expertName]!, expertName) : null;
  const unsafe = [projects, ...(experts ? [experts] : [])].flatMap((t) => unsafeCells(t, file));
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  return { ok: true, value: { projects, experts } };
}
