import { buildDemoRound } from '../../shared/demo/demoRound';
import { writeRoundPackage } from '../../shared/formats/roundPackageWriter';
import { formatBytes } from '../../shared/formats/zip';
import { describeError, EXIT_OK, EXIT_UNREADABLE, type CliIo, type ExitCode } from '../io';

export const demoUsage = 'review-desk demo OUT.zip';

/** `demo OUT.zip`: write the sample round package (the same one the app's 载入示例评审 loads). */
export async function demoCommand(args: string[], io: CliIo): Promise<ExitCode> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    io.stderr(`用法：${demoUsage}\n`);
    return EXIT_UNREADABLE;
  }
  const out = args[0]!;
  const demo = buildDemoRound();
  const bytes = writeRoundPackage(demo);
  try {
    await io.writeFile(out, bytes);
  } catch (error) {
    io.stderr(`无法写入 ${out}：${describeError(error)}\n`);
    return EXIT_UNREADABLE;
  }
  io.stdout(
    `已写入示例评审包 ${out}（${formatBytes(bytes.length)}）：${demo.round.title}，` +
      `${demo.round.experts.length} 位专家，${demo.packets.length} 份申报材料\n`,
  );
  return EXIT_OK;
}
