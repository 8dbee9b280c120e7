/**
 * Reads a roster (.xlsx, the older .xls, or a .csv in UTF-8 or GBK) into text rows. Workbooks go
 * through SheetJS, which is pure JavaScript and adds no DOM or Node types to shared/. Cells are
 * taken as the text Excel shows: SheetJS never evaluates formulas, and a cell typed as `=1+2`
 * stays that text.
 */
import * as XLSX from 'xlsx';
import { unsafeTextProblem } from '../model/safeText';
import type { InputProblem, Parsed } from '../model/validation';
import { formatBytes, readZip, type LegacyNameDecoder, type ZipLimits } from '../formats/zip';
import { parseXlsxEntries, repairCharRefs } from '../workbook/xlsxPackage';
import { EXPERT_SHEET_NAMES, normaliseHeader } from './rosterColumns';
import { readRosterCsv, type CsvEncoding } from './rosterCsv';
import type { RosterSheet, RosterTables } from './rosterTables';

const MiB = 1024 * 1024;

function isZip(bytes: Uint8Array) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}
function isOle(bytes: Uint8Array) {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function sheetRows(sheet: XLSX.WorkSheet, name: string, file: string): RosterSheet {
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
    file,
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
function unsafeCells(sheet: RosterSheet, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const problem = unsafeTextProblem(value, true);
      if (problem) {
        const cell = XLSX.utils.encode_cell({
          r: sheet.firstRow - 1 + r,
          c: (sheet.firstColumn ?? 0) + c,
        });
        problems.push({
          file: sheet.file ?? file,
          field: `工作表“${sheet.name}”单元格 ${cell}`,
          message: problem,
        });
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

/** Every filled sheet of one roster file, in workbook order (a CSV is one sheet). */
export interface RosterBook {
  file: string;
  sheets: RosterSheet[];
  /** How a CSV was decoded; absent for a workbook. */
  encoding?: CsvEncoding;
}

export interface RosterReadOptions {
  limits?: Partial<ZipLimits>;
  /** Strict GBK decoder for CSV (default: the platform's `TextDecoder('gbk', { fatal: true })`). */
  decodeGbk?: LegacyNameDecoder;
}

const isCsvName = (file: string) => /\.csv$/i.test(file);

export function readRosterFile(
  bytes: Uint8Array,
  file: string,
  options: RosterReadOptions = {},
): Parsed<RosterBook> {
  const limits = { ...ROSTER_LIMITS, ...options.limits };
  const fail = (message: string): Parsed<RosterBook> => ({
    ok: false,
    problems: [{ file, field: '', message }],
  });
  if (bytes.length === 0) return fail('文件是空的（0 字节），请重新保存名单');
  if (bytes.length > limits.maxArchiveBytes) {
    return fail(
      `文件过大（${formatBytes(bytes.length)}），名单文件不能超过 ${formatBytes(limits.maxArchiveBytes)}`,
    );
  }
  if (!isZip(bytes) && !isOle(bytes)) {
    if (!isCsvName(file)) {
      return fail(
        '不是 Excel 工作簿（.xlsx 或 .xls），也不是 .csv 文件。请在 Excel 或 WPS 中“另存为” .xlsx 后重试',
      );
    }
    const csv = readRosterCsv(bytes, file, options.decodeGbk);
    if (!csv.ok) return csv;
    const { encoding, ...sheet } = csv.value;
    return { ok: true, value: { file, sheets: [{ ...sheet, file }], encoding } };
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
  const sheets = workbook.SheetNames.filter((n) => workbook.Sheets[n]?.['!ref']).map((n) =>
    sheetRows(workbook.Sheets[n]!, n, file),
  );
  return { ok: true, value: { file, sheets } };
}

const isExpertSheet = (sheet: RosterSheet) =>
  EXPERT_SHEET_NAMES.includes(normaliseHeader(sheet.name));

/**
 * The project and expert sheets. Projects: the first filled sheet that is not an expert sheet
 * (专家名单, 评审专家, 专家). Experts: from `experts` when it is another file (its expert sheet,
 * else its first sheet), otherwise the expert sheet of `projects`; both at once is refused, so
 * no list of experts is silently left out.
 */
export function rosterTablesFrom(
  projects: RosterBook,
  experts: RosterBook | null = null,
): Parsed<RosterTables> {
  const fail = (file: string, message: string): Parsed<RosterTables> => ({
    ok: false,
    problems: [{ file, field: '', message }],
  });
  const ownExperts = projects.sheets.find(isExpertSheet) ?? null;
  const projectSheet = projects.sheets.find((s) => s !== ownExperts);
  if (!projectSheet) {
    return fail(projects.file, '没有填写项目的工作表：请在第一张工作表中填写项目清单');
  }
  let expertSheet = ownExperts;
  if (experts) {
    if (ownExperts) {
      return fail(
        projects.file,
        `工作表“${ownExperts.name}”与 ${experts.file} 都是专家名单：请只保留一处`,
      );
    }
    expertSheet = experts.sheets.find(isExpertSheet) ?? experts.sheets[0] ?? null;
    if (!expertSheet) return fail(experts.file, '没有填写专家的工作表');
  }
  const unsafe = [projectSheet, ...(expertSheet ? [expertSheet] : [])].flatMap((t) =>
    unsafeCells(t, t.file ?? projects.file),
  );
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  return { ok: true, value: { projects: projectSheet, experts: expertSheet } };
}

/** One roster file holding the projects and (in a 专家名单 sheet) the experts. */
export function readRosterWorkbook(
  bytes: Uint8Array,
  file: string,
  options: RosterReadOptions = {},
): Parsed<RosterTables> {
  const book = readRosterFile(bytes, file, options);
  return book.ok ? rosterTablesFrom(book.value) : book;
}
