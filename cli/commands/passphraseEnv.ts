import { PASSPHRASE_MIN_LENGTH } from '@shared/platform/Platform';
import { EXIT_UNREADABLE, type CliIo, type ExitCode } from '../io';
import { optionValue, type ParsedArgs } from './args';

/**
 * `--passphrase-env VAR`: the key's passphrase is read from the environment variable VAR, never
 * from the command line (which other users can see in the process list). Undefined when the
 * option is absent; an exit code when the variable is missing or too short to use.
 */
export function passphraseFromEnv(
  io: CliIo,
  parsed: ParsedArgs,
): { ok: true; value: string | undefined } | { ok: false; code: ExitCode } {
  const name = optionValue(parsed, '--passphrase-env');
  if (name === undefined) return { ok: true, value: undefined };
  const value = io.env?.(name);
  if (!value) {
    io.stderr(`环境变量 ${name} 未设置或为空：请先设置它为私钥口令，再运行本命令。\n`);
    return { ok: false, code: EXIT_UNREADABLE };
  }
  if (value.length < PASSPHRASE_MIN_LENGTH) {
    io.stderr(`环境变量 ${name} 中的口令太短：至少 ${PASSPHRASE_MIN_LENGTH} 个字符。\n`);
    return { ok: false, code: EXIT_UNREADABLE };
  }
  return { ok: true, value };
}
