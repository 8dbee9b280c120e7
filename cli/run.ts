import packageJson from '../package.json';
import { compileCommand, compileUsage } from './commands/compile';
import { demoCommand, demoUsage } from './commands/demo';
import { inspectCommand, inspectUsage } from './commands/inspect';
import { keygenCommand, keygenUsage } from './commands/keygen';
import { verifyCommand, verifyUsage } from './commands/verify';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo, type ExitCode } from './io';

export const VERSION: string = packageJson.version;

const HELP = `评审台 Review Desk 命令行 ${VERSION}

用法：
  ${inspectUsage.padEnd(32)}检查评审包并显示摘要
  ${demoUsage}
  ${''.padEnd(32)}生成示例评审包（21 个市(州)、四类项目、五大品牌，默认 84 个项目）
  ${keygenUsage.padEnd(32)}生成签名私钥（PKCS#8 PEM，Ed25519），显示密钥指纹
  ${compileUsage}
  ${''.padEnd(32)}汇总评分并写出签名的结果工作簿
  ${verifyUsage.padEnd(32)}验证结果工作簿的签名与内容
  ${'review-desk --version'.padEnd(32)}显示版本
  ${'review-desk --help'.padEnd(32)}显示本帮助

退出码：0 成功（verify：有效）；1 输入无效（如评审包内容有误；verify：工作簿无效或被改动）；2 无法读取文件或用法错误。
`;

const commands: Record<string, (args: string[], io: CliIo) => Promise<ExitCode>> = {
  inspect: inspectCommand,
  demo: demoCommand,
  keygen: keygenCommand,
  compile: compileCommand,
  verify: verifyCommand,
};

/** The whole CLI as a function: argv without node and script, returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (first === undefined) {
    io.stderr(HELP);
    return EXIT_UNREADABLE;
  }
  const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
  if (!command) {
    io.stderr(`未知命令“${first}”。\n\n${HELP}`);
    return EXIT_UNREADABLE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  return command(rest, io);
}
