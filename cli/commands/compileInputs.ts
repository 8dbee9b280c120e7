/**
 * Reading what `compile` needs: the round package, the experts' registered keys, every score
 * file (signature verified, checked against the round and its rubric, signed by its expert's
 * registered key) and the signing key. Each step returns a ready value or the exit code after
 * telling the user what is wrong.
 */
import { keyCheck } from '@shared/exchange/keyCheck';
import { scoreFileProblems } from '@shared/exchange/validateScoreFile';
import { readRoundPackage, type RoundPackage } from '@shared/formats/roundPackageReader';
import { readScoreFileBytes, type VerifiedScoreFile } from '@shared/formats/scoreFile';
import { looksLikeZip } from '@shared/formats/zip';
import { formatProblem, type InputProblem } from '@shared/model/validation';
import type { RegisteredKeys } from './expertKeySources';
import { parsePrivateKeyPem } from '@shared/signing/pem';
import { seedFromEncryptedPem } from '../nodeCrypto';
import { describeError, EXIT_INVALID, EXIT_UNREADABLE, type CliIo, type ExitCode } from '../io';
import { baseName } from './args';

export type Step<T> = { ok: true; value: T } | { ok: false; code: ExitCode };

const fail = (io: CliIo, message: string, code: ExitCode): { ok: false; code: ExitCode } => {
  io.stderr(`${message}\n`);
  return { ok: false, code };
};

async function readBytes(io: CliIo, path: string): Promise<Step<Uint8Array>> {
  try {
    return { ok: true, value: await io.readFile(path) };
  } catch (error) {
    return fail(io, `无法读取 ${path}：${describeError(error)}`, EXIT_UNREADABLE);
  }
}

/** The key's seed; an encrypted PEM needs `passphrase` (compile --passphrase-env). */
export async function readSigningKey(
  io: CliIo,
  path: string,
  passphrase?: string,
): Promise<Step<Uint8Array>> {
  const bytes = await readBytes(io, path);
  if (!bytes.ok) return bytes;
  const text = new TextDecoder().decode(bytes.value);
  try {
    if (text.includes('ENCRYPTED PRIVATE KEY')) {
      if (passphrase === undefined) {
        return fail(
          io,
          `签名私钥 ${path} 已加密：请用 --passphrase-env 变量名 提供口令（口令放在该环境变量中）`,
          EXIT_INVALID,
        );
      }
      return { ok: true, value: seedFromEncryptedPem(text, passphrase) };
    }
    return { ok: true, value: parsePrivateKeyPem(text) };
  } catch (error) {
    return fail(io, `签名私钥 ${path} 无效：${describeError(error)}`, EXIT_INVALID);
  }
}

export async function readRound(io: CliIo, path: string): Promise<Step<RoundPackage>> {
  const bytes = await readBytes(io, path);
  if (!bytes.ok) return bytes;
  if (!looksLikeZip(bytes.value)) {
    return fail(io, `无法读取 ${path}：不是 ZIP 压缩包，或文件已损坏`, EXIT_UNREADABLE);
  }
  const fileName = baseName(path);
  const result = readRoundPackage(bytes.value, {
    fileName,
    // As `inspect` does: Chinese Windows zip tools write GBK entry names.
    decodeLegacyName: (raw) => new TextDecoder('gbk', { fatal: true }).decode(raw),
  });
  if (!result.ok) {
    const list = result.problems.map((p) => `  ${formatProblem(p)}`).join('\n');
    return fail(
      io,
      `评审包 ${fileName} 有 ${result.problems.length} 个问题：\n${list}`,
      EXIT_INVALID,
    );
  }
  return { ok: true, value: result.value };
}

/** DIR_OR_FILES → file paths: a folder contributes its *.scores.json, sorted by name. */
async function scorePaths(io: CliIo, inputs: readonly string[]): Promise<Step<string[]>> {
  const paths: string[] = [];
  for (const input of inputs) {
    let entries: string[] | null;
    try {
      entries = io.listDir ? await io.listDir(input) : null;
    } catch (error) {
      return fail(io, `无法读取 ${input}：${describeError(error)}`, EXIT_UNREADABLE);
    }
    if (entries === null) {
      paths.push(input);
      continue;
    }
    const found = entries.filter((name) => name.endsWith('.scores.json')).sort();
    if (found.length === 0) {
      return fail(io, `文件夹 ${input} 中没有评分文件（*.scores.json）`, EXIT_INVALID);
    }
    const sep = input.endsWith('/') || input.endsWith('\\') ? '' : '/';
    paths.push(...found.map((name) => `${input}${sep}${name}`));
  }
  return { ok: true, value: paths };
}

/**
 * The score file's paths and their verified, checked content. The whole run is refused on the
 * first file with problems, listing every problem of that file.
 */
export async function readScoreFiles(
  io: CliIo,
  inputs: readonly string[],
  pkg: RoundPackage,
  keys: RegisteredKeys,
): Promise<Step<VerifiedScoreFile[]>> {
  const paths = await scorePaths(io, inputs);
  if (!paths.ok) return paths;
  const files: VerifiedScoreFile[] = [];
  const { round, packets } = pkg;
  const packetIds = packets.map((p) => p.id);
  const rostered = new Set(round.experts.map((e) => e.id));
  for (const path of paths.value) {
    const bytes = await readBytes(io, path);
    if (!bytes.ok) return bytes;
    const parsed = readScoreFileBytes(bytes.value, baseName(path));
    const problems = parsed.ok
      ? [
          ...scoreFileProblems(round, packetIds, parsed.value),
          ...keyProblems(parsed.value, rostered, keys),
        ]
      : parsed.problems;
    if (problems.length > 0 || !parsed.ok) {
      const list = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
      return fail(
        io,
        `评分文件 ${path} 被拒绝（${problems.length} 个问题），未写出任何文件：\n${list}`,
        EXIT_INVALID,
      );
    }
    files.push(parsed.value);
  }
  return { ok: true, value: files };
}

function keyProblems(
  file: VerifiedScoreFile,
  rostered: ReadonlySet<string>,
  keys: RegisteredKeys,
): InputProblem[] {
  const { expert } = file.content;
  // An expert not on the roster is already reported; no key can be registered for them.
  if (!rostered.has(expert.id)) return [];
  const problem = keyCheck({
    expert,
    registeredKey: keys.byExpert.get(expert.id) ?? null,
    file,
    registered: keys.owners,
  });
  return problem ? [problem] : [];
}
