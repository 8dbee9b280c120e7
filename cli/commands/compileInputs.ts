/**
 * Reading what `compile` needs: the round package, every score file (signatures verified, same
 * round, experts of the round, one key per expert) and the signing key. Each step returns a
 * ready value or the exit code after telling the user what is wrong.
 */
import { readRoundPackage, type RoundPackage } from '../../shared/formats/roundPackageReader';
import { readScoreFileBytes, type VerifiedScoreFile } from '../../shared/formats/scoreFile';
import { looksLikeZip } from '../../shared/formats/zip';
import { formatProblem } from '../../shared/model/validation';
import { parsePrivateKeyPem } from '../../shared/signing/pem';
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

export async function readScoreFiles(
  io: CliIo,
  inputs: readonly string[],
  pkg: RoundPackage,
): Promise<Step<VerifiedScoreFile[]>> {
  const paths = await scorePaths(io, inputs);
  if (!paths.ok) return paths;
  const files: VerifiedScoreFile[] = [];
  const experts = new Set(pkg.round.experts.map((e) => e.id));
  const keys = new Map<string, string>();
  for (const path of paths.value) {
    const bytes = await readBytes(io, path);
    if (!bytes.ok) return bytes;
    const fileName = baseName(path);
    const parsed = readScoreFileBytes(bytes.value, fileName);
    if (!parsed.ok) {
      const list = parsed.problems.map((p) => `  ${formatProblem(p)}`).join('\n');
      return fail(io, `评分文件 ${path} 被拒绝：\n${list}`, EXIT_INVALID);
    }
    const { content, keyFingerprint } = parsed.value;
    if (content.roundId !== pkg.round.id) {
      return fail(
        io,
        `评分文件 ${path} 属于评审“${content.roundId}”，不是本评审包“${pkg.round.id}”`,
        EXIT_INVALID,
      );
    }
    if (!experts.has(content.expert.id)) {
      return fail(
        io,
        `评分文件 ${path} 的专家“${content.expert.id}”不在本评审的专家名单中`,
        EXIT_INVALID,
      );
    }
    const known = keys.get(content.expert.id);
    if (known !== undefined && known !== keyFingerprint) {
      return fail(
        io,
        `专家“${content.expert.id}”的评分文件由不同的密钥签署（${known} 与 ${keyFingerprint}），请核实后再汇总`,
        EXIT_INVALID,
      );
    }
    keys.set(content.expert.id, keyFingerprint);
    files.push(parsed.value);
  }
  return { ok: true, value: files };
}
