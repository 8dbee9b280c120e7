/**
 * Options of the form `--name VALUE` (or `--name V1 V2 …` for list options), flags without a
 * value (`--force`, stored with an empty list) and positional arguments. Returns a message
 * instead of throwing: every usage error is exit code 2.
 */
export interface ParsedArgs {
  options: Map<string, string[]>;
  positional: string[];
}

export function parseArgs(
  args: readonly string[],
  spec: { single: readonly string[]; multiple?: readonly string[]; flags?: readonly string[] },
): ParsedArgs | string {
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (options.has(arg)) return `选项 ${arg} 只能给一次`;
    if (spec.flags?.includes(arg)) {
      options.set(arg, []);
      continue;
    }
    const multiple = spec.multiple?.includes(arg) ?? false;
    if (!multiple && !spec.single.includes(arg)) return `无法识别的选项“${arg}”`;
    const values: string[] = [];
    while (i + 1 < args.length && !args[i + 1]!.startsWith('--')) {
      values.push(args[++i]!);
      if (!multiple) break;
    }
    if (values.length === 0) return `选项 ${arg} 缺少值`;
    options.set(arg, values);
  }
  return { options, positional };
}

/** The single value of an option, or undefined. */
export const optionValue = (parsed: ParsedArgs, name: string): string | undefined =>
  parsed.options.get(name)?.[0];

/** Whether a flag (`--force`) was given. */
export const hasFlag = (parsed: ParsedArgs, name: string): boolean => parsed.options.has(name);

/** The file name part of a path, for messages. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;
