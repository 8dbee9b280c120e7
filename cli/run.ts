import packageJson from '../package.json';
import { compileCommand, compileUsage } from './commands/compile';
import { demoCommand, demoUsage } from './commands/demo';
import { inspectCommand, inspectUsage } from './commands/inspect';
import { keygenCommand, keygenUsage } from './commands/keygen';
import { rosterCommand, rosterUsage } from './commands/roster';
import { verifyCommand, verifyUsage } from './commands/verify';
import { EXIT_OK, EXIT_UNREADABLE, terminalSafe, type CliIo, type ExitCode } from './io';

export const VERSION: string = packageJson.version;

const HELP = `评审台 Review Desk 命令行 ${VERSION}

用法：
  ${inspectUsage.padEnd(32)}检查评审包并显示摘要
  ${demoUsage}
  ${''.padEnd(32)}生成示例评审包（21 个市(州)、四类项目、五大品牌，默认 84 个项目）
  ${rosterUsage}
  ${''.padEnd(32)}从项目名单和专家名单（.xlsx、.xls、UTF-8 或 GBK 的 .csv）生成评审包
  ${keygenUsage.padEnd(32)}生成签名私钥（PKCS#8 PEM，Ed25519），显示密钥指纹
  ${compileUsage}
  ${''.padEnd(32)}汇总评分并写出签名的结果工作簿
  ${verifyUsage}
  ${''.padEnd(32)}验证结果工作簿的签名与内容，以及（--evidence）旁边证据包中的每个文件
  ${'review-desk --version'.padEnd(32)}显示版本
  ${'review-desk --help'.padEnd(32)}显示本帮助

选项 --force：允许覆盖已存在的输出文件（否则拒绝，不写任何文件）；--debug：内部错误时显示详细信息。

退出码：
  0  成功（verify：签名有效，且签名人在 --trust 列出的受信任密钥中）；给了 --evidence 时证据包还须与签名数据一致
  1  输入无效（评审包、名单或评分文件内容有误、专家公钥缺失或不符；verify：工作簿无效、被改动或签名人不受信任，或证据文件被改动、缺少或多出）
  2  无法读取文件、用法错误、输出文件已存在，或内部错误
  3  verify 未给 --trust：签名有效，但未核对签名人
`;

const commands: Record<string, (args: string[], io: CliIo) => Promise<ExitCode>> = {
  inspect: inspectCommand,
  demo: demoCommand,
  keygen: keygenCommand,
  roster: rosterCommand,
  compile: compileCommand,
  verify: verifyCommand,
};

/**
 * The whole CLI as a function: argv without node and script, returns the exit code. Everything
 * printed is escaped for the terminal; an unexpected error is one line and exit 2 (with
 * `--debug`, its stack too), never a stack trace the user has to read.
 */
export async function run(argv: readonly string[], rawIo: CliIo): Promise<ExitCode> {
  const io = terminalSafe(rawIo);
  const debug = argv.includes('--debug');
  try {
    return await dispatch(
      argv.filter((arg) => arg !== '--debug'),
      io,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`内部错误：${message.split('\n')[0]}${debug ? '' : '（加 --debug 显示详细信息）'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_UNREADABLE;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<ExitCode> {
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
