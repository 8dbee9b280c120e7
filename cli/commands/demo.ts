import { buildSampleRound, type SampleOptions } from '@shared/demo/sampleRound';
import { writeRoundPackage } from '@shared/formats/roundPackageWriter';
import { formatBytes } from '@shared/formats/zip';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo, type ExitCode } from '../io';
import { checkOutputPath, writeOutput } from './output';

export const demoUsage =
  'review-desk demo OUT.zip [--packets N] [--attachments-per-packet M] [--attachment-kb K] [--force]';

const OPTIONS: Record<string, { key: keyof SampleOptions; min: number; max: number }> = {
  '--packets': { key: 'packets', min: 1, max: 20_000 },
  '--attachments-per-packet': { key: 'attachmentsPerPacket', min: 0, max: 50 },
  '--attachment-kb': { key: 'attachmentKb', min: 0, max: 50_000 },
};

function parseArgs(
  args: string[],
): { out: string; options: SampleOptions; force: boolean } | string {
  let out: string | undefined;
  let force = false;
  const options: SampleOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const spec = OPTIONS[arg];
    if (arg === '--force') force = true;
    else if (spec) {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
        return `${arg} 需要 ${spec.min}–${spec.max} 之间的整数`;
      }
      options[spec.key] = value;
    } else if (arg.startsWith('-') || out !== undefined) {
      return `无法识别的参数“${arg}”`;
    } else out = arg;
  }
  return out === undefined ? '缺少输出文件 OUT.zip' : { out, options, force };
}

/**
 * `demo OUT.zip`: write a realistic sample round package (21 市(州), the four categories, the
 * five brands, attachments). The size options make packages for the import benchmark; the
 * same options always give the same bytes.
 */
export async function demoCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n用法：${demoUsage}\n`);
    return EXIT_UNREADABLE;
  }
  const { out, options, force } = parsed;
  const refused = await checkOutputPath(io, out, force);
  if (refused !== null) return refused;
  const demo = buildSampleRound(options);
  const bytes = writeRoundPackage(demo);
  const failed = await writeOutput(io, out, bytes, { force });
  if (failed !== null) return failed;
  io.stdout(
    `已写入示例评审包 ${out}（${formatBytes(bytes.length)}）：${demo.round.title}，` +
      `${demo.round.experts.length} 位专家，${demo.packets.length} 份申报材料，${demo.attachments.size} 个附件\n`,
  );
  return EXIT_OK;
}
