import type { Round } from '@shared/model/roundPackage';
import { formatProblem } from '@shared/model/validation';
import { readRoundPackage, type RoundPackage } from '@shared/formats/roundPackageReader';
import { formatBytes, looksLikeZip } from '@shared/formats/zip';
import { allCriteria, rubricMax } from '@shared/rubric/points';
import {
  describeError,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_UNREADABLE,
  type CliIo,
  type ExitCode,
} from '../io';

export const inspectUsage = 'review-desk inspect ROUND.zip';

const KIND_LABELS: Record<Round['kind'], string> = {
  selection: '遴选',
  evaluation: '评估',
  inspection: '拉练检查',
};

function aggregationLabel(round: Round): string {
  const a = round.aggregation;
  const method =
    a.method === 'trimmed-mean'
      ? `去掉一个最高分和一个最低分后取平均（不少于 ${a.trimWhenAtLeast} 份有效评分时，否则取平均）`
      : a.method === 'median'
        ? '取中位数'
        : '取平均';
  const veto = a.vetoRule === 'majority' ? '过半数专家勾选即否决' : '任一专家勾选即否决';
  return `${method}；${veto}；偏离提示阈值 ${Math.round(a.deviationFlag * 100)}%`;
}

/** Ideographic space: aligns the labels in a CJK terminal the way a printed form does. */
const GAP = '\u3000';
const row = (label: string, value: string) => `${label.padEnd(5, GAP)}${value}`;
const indent = (value: string) => `${GAP.repeat(4)}${value}`;

export function summarise(pkg: RoundPackage, fileName: string): string {
  const { round, packets, attachments } = pkg;
  const rubric = round.rubric;
  const lines: string[] = [
    row('评审包', fileName),
    row('编号', round.id),
    row('名称', round.title),
    row(
      '类型',
      `${KIND_LABELS[round.kind]}（${round.kind}）${round.programme ? `，项目 ${round.programme}` : ''}`,
    ),
    row(
      '评分表',
      `${rubric.title}：${rubric.sections.length} 个部分，${allCriteria(rubric).length} 项指标，` +
        `满分 ${rubricMax(rubric)} 分，及格线 ${rubric.passLine} 分，否决项 ${rubric.vetoes.length} 项`,
    ),
    row('汇总', aggregationLabel(round)),
    row('专家', `${round.experts.length} 位`),
  ];
  for (const expert of round.experts) {
    const org = [expert.org, expert.title].filter(Boolean).join(' · ');
    const where = [org, expert.city].filter(Boolean).join('，');
    lines.push(indent(`${expert.id}${GAP}${expert.name}${where ? `（${where}）` : ''}`));
  }
  lines.push(row('申报材料', `${packets.length} 份`));
  const byGroup = new Map<string, number>();
  for (const packet of packets) byGroup.set(packet.group, (byGroup.get(packet.group) ?? 0) + 1);
  const quotas = new Map(round.quotas.map((q) => [q.group, q]));
  for (const [group, count] of byGroup) {
    const quota = quotas.get(group);
    const quotaText = quota
      ? `，名额 ${quota.count}${quota.reserve ? `，备选 ${quota.reserve}` : ''}`
      : '';
    lines.push(indent(`${group || '（未分组）'}${GAP}${count} 份${quotaText}`));
  }
  let total = 0;
  for (const bytes of attachments.values()) total += bytes.length;
  lines.push(
    row('附件', `${attachments.size} 个，共 ${formatBytes(total)}，大小和 SHA-256 均已核对`),
  );
  return `${lines.join('\n')}\n`;
}

/** `inspect ROUND.zip`: validate a round package and summarise it, or list every problem. */
export async function inspectCommand(args: string[], io: CliIo): Promise<ExitCode> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    io.stderr(`用法：${inspectUsage}\n`);
    return EXIT_UNREADABLE;
  }
  const path = args[0]!;
  const fileName = path.split(/[\\/]/).pop() ?? path;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.stderr(`无法读取 ${path}：${describeError(error)}\n`);
    return EXIT_UNREADABLE;
  }
  // Not a ZIP at all is "unreadable" (2); a ZIP with bad content is "invalid input" (1).
  if (!looksLikeZip(bytes)) {
    io.stderr(`无法读取 ${path}：不是 ZIP 压缩包，或文件已损坏\n`);
    return EXIT_UNREADABLE;
  }
  // Chinese Windows zip tools write GBK entry names; Node's TextDecoder (full ICU) decodes them.
  const result = readRoundPackage(bytes, {
    fileName,
    decodeLegacyName: (raw) => new TextDecoder('gbk', { fatal: true }).decode(raw),
  });
  if (!result.ok) {
    io.stderr(`评审包 ${fileName} 有 ${result.problems.length} 个问题：\n`);
    for (const problem of result.problems) io.stderr(`  ${formatProblem(problem)}\n`);
    return EXIT_INVALID;
  }
  io.stdout(summarise(result.value, fileName));
  return EXIT_OK;
}
