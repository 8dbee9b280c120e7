import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { formatBytes } from '@shared/formats/zip';
import { formatProblem, type InputProblem } from '@shared/model/validation';
import {
  readRosterFile,
  rosterTablesFrom,
  type RosterBook,
} from '@shared/roster/readRosterWorkbook';
import { formatRosterReport, rosterReport } from '@shared/roster/rosterReport';
import { rosterToRound } from '@shared/roster/rosterToRound';
import { BUILT_IN_RUBRICS, type BuiltInRubric } from '@shared/rubrics/builtInRubrics';
import {
  describeError,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_UNREADABLE,
  type CliIo,
  type ExitCode,
} from '../io';
import { baseName, hasFlag, optionValue, parseArgs } from './args';
import { checkOutputPath, writeOutput } from './output';

export const rosterUsage =
  'review-desk roster --projects P.xlsx --experts E.xlsx --rubric RUBRIC_ID --out ROUND.zip [--title T] [--force]';

/** A built-in rubric by its key (key-project-selection …) or its rubric id. */
function findRubric(id: string): BuiltInRubric | undefined {
  return BUILT_IN_RUBRICS.find((r) => r.key === id || r.rubric.id === id);
}

const rubricList = () => BUILT_IN_RUBRICS.map((r) => `${r.key}（${r.label}）`).join('、');

function printProblems(io: CliIo, what: string, problems: readonly InputProblem[]): void {
  io.stderr(`${what}有 ${problems.length} 个问题，未写入评审包：\n`);
  for (const problem of problems) io.stderr(`  ${formatProblem(problem)}\n`);
}

/** A roster file read and split into sheets; a file that cannot be read at all is exit 2. */
async function readBook(
  io: CliIo,
  path: string,
): Promise<{ ok: true; book: RosterBook } | { ok: false; code: ExitCode }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.stderr(`无法读取 ${path}：${describeError(error)}\n`);
    return { ok: false, code: EXIT_UNREADABLE };
  }
  const book = readRosterFile(bytes, baseName(path));
  if (!book.ok) {
    for (const problem of book.problems) io.stderr(`无法读取 ${formatProblem(problem)}\n`);
    return { ok: false, code: EXIT_UNREADABLE };
  }
  return { ok: true, book: book.value };
}

/**
 * `roster`: project and expert lists as offices write them (.xlsx, .xls, CSV in UTF-8 or GBK)
 * plus a built-in rubric → a round package. The same code as the app's 从名单创建, so both accept
 * and refuse the same rosters with the same messages. `--experts` may name the projects file
 * itself: its 专家名单 sheet is then read.
 */
export async function rosterCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseArgs(args, {
    single: ['--projects', '--experts', '--rubric', '--out', '--title'],
    flags: ['--force'],
  });
  const usage = (message: string): ExitCode => {
    io.stderr(`${message}\n用法：${rosterUsage}\n`);
    return EXIT_UNREADABLE;
  };
  if (typeof parsed === 'string') return usage(parsed);
  if (parsed.positional.length > 0) return usage(`无法识别的参数“${parsed.positional[0]}”`);
  const projectsPath = optionValue(parsed, '--projects');
  const expertsPath = optionValue(parsed, '--experts');
  const rubricId = optionValue(parsed, '--rubric');
  const out = optionValue(parsed, '--out');
  if (!projectsPath || !expertsPath || !rubricId || !out) {
    const missing = [
      projectsPath ? '' : '--projects',
      expertsPath ? '' : '--experts',
      rubricId ? '' : '--rubric',
      out ? '' : '--out',
    ].filter(Boolean);
    return usage(`缺少选项：${missing.join('、')}`);
  }
  const builtIn = findRubric(rubricId);
  if (!builtIn) return usage(`没有评分表“${rubricId}”。可用：${rubricList()}`);
  const force = hasFlag(parsed, '--force');
  const refused = await checkOutputPath(io, out, force, [projectsPath, expertsPath]);
  if (refused !== null) return refused;

  const projects = await readBook(io, projectsPath);
  if (!projects.ok) return projects.code;
  const separate = expertsPath !== projectsPath;
  const experts = separate ? await readBook(io, expertsPath) : null;
  if (experts && !experts.ok) return experts.code;
  const tables = rosterTablesFrom(projects.book, experts?.book ?? null);
  if (!tables.ok) {
    printProblems(io, '名单', tables.problems);
    return EXIT_INVALID;
  }

  const report = rosterReport(tables.value);
  io.stdout(
    `读取的列：\n${formatRosterReport(report)
      .map((line) => `  ${line}\n`)
      .join('')}`,
  );
  const given = optionValue(parsed, '--title')?.trim();
  const fileTitle = baseName(projectsPath).replace(/\.(xlsx|xls|csv)$/i, '');
  const title = given || report.title || fileTitle;
  const source = given ? ' --title' : report.title ? '名单的标题行' : '文件名；可用 --title 指定';
  const result = rosterToRound(tables.value, { title, builtIn }, baseName(projectsPath));
  if (!result.ok) {
    printProblems(io, '名单', result.problems);
    return EXIT_INVALID;
  }
  const { round, packets } = result.value;
  const bytes = writeRoundPackage(result.value);
  const failed = await writeOutput(io, out, bytes, { force });
  if (failed !== null) return failed;

  const groups = new Map<string, number>();
  for (const p of packets) groups.set(p.group, (groups.get(p.group) ?? 0) + 1);
  const groupText = [...groups].map(([g, n]) => `${g || '（未分组）'} ${n}`).join('，');
  io.stdout(
    `评审名称：${round.title}（来自${source}）\n` +
      `已写入评审包 ${out}（${formatBytes(bytes.length)}）：编号 ${round.id}，评分表 ${builtIn.label}，` +
      `${packets.length} 个项目（${groupText}），${round.experts.length} 位专家\n`,
  );
  return EXIT_OK;
}
