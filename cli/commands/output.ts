import { describeError, EXIT_UNREADABLE, type CliIo, type ExitCode } from '../io';

const existsMessage = (path: string, force: boolean | null): string =>
  force === null
    ? `${path} 已存在，不会覆盖。请换一个文件名，或先移走原文件。`
    : `${path} 已存在，不会覆盖。请换一个文件名；确要替换它，请加 --force。`;

/**
 * Before doing the work: refuse an output path that already exists (unless `force`) or that is
 * one of the command's own inputs (a signing key must never be overwritten by its result).
 * `force: null` means the command has no --force (keys are never replaced). Exit code or null.
 */
export async function checkOutputPath(
  io: CliIo,
  path: string,
  force: boolean | null,
  inputs: readonly string[] = [],
): Promise<ExitCode | null> {
  if (inputs.includes(path)) {
    io.stderr(`输出文件 ${path} 也是本命令的输入文件，不能覆盖它。请换一个输出文件名。\n`);
    return EXIT_UNREADABLE;
  }
  if (force !== true && io.exists && (await io.exists(path))) {
    io.stderr(`${existsMessage(path, force)}\n`);
    return EXIT_UNREADABLE;
  }
  return null;
}

/** Write a command's output file: never over an existing one unless `force`. Exit code or null. */
export async function writeOutput(
  io: CliIo,
  path: string,
  bytes: Uint8Array,
  options: { force: boolean | null; private?: boolean },
): Promise<ExitCode | null> {
  try {
    await io.writeFile(path, bytes, {
      exclusive: options.force !== true,
      ...(options.private ? { private: true } : {}),
    });
    return null;
  } catch (error) {
    const exists = (error as { code?: unknown }).code === 'EEXIST';
    io.stderr(
      exists
        ? `${existsMessage(path, options.force)}\n`
        : `无法写入 ${path}：${describeError(error)}\n`,
    );
    return EXIT_UNREADABLE;
  }
}
