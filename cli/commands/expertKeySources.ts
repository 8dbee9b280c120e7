/**
 * Which key speaks for which expert, for `compile`: the round package's `experts[].publicKey`
 * and the `--expert-keys` file together. Both may be given; they must then agree (a conflict is
 * refused, neither wins silently), and the union must still give every key to one expert only.
 * Without any key at all the run is refused: a score file is never trusted on first use.
 */
import type { KeyOwner } from '@shared/exchange/keyCheck';
import {
  EXPERT_KEYS_FORMAT,
  expertKeysRoundProblems,
  readExpertKeysBytes,
} from '@shared/formats/expertKeys';
import type { RoundPackage } from '@shared/formats/roundPackageReader';
import { formatProblem } from '@shared/model/validation';
import { decodeBase64 } from '@shared/signing/base64';
import { keyFingerprint } from '@shared/signing/hash';
import { describeError, EXIT_INVALID, EXIT_UNREADABLE, type CliIo } from '../io';
import { baseName } from './args';
import type { Step } from './compileInputs';

export interface RegisteredKeys {
  /** Expert id → canonical base64 public key. */
  byExpert: Map<string, string>;
  owners: KeyOwner[];
}

const fingerprint = (publicKey: string) => keyFingerprint(decodeBase64(publicKey));

export async function readExpertKeySources(
  io: CliIo,
  path: string | undefined,
  pkg: RoundPackage,
): Promise<Step<RegisteredKeys>> {
  const fail = (message: string, code: typeof EXIT_INVALID | typeof EXIT_UNREADABLE) => {
    io.stderr(`${message}\n`);
    return { ok: false as const, code };
  };
  const { round } = pkg;
  const names = new Map(round.experts.map((e) => [e.id, e.name]));
  const byExpert = new Map<string, string>();
  for (const expert of round.experts) {
    if (expert.publicKey !== undefined) byExpert.set(expert.id, expert.publicKey);
  }

  if (path !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(path);
    } catch (error) {
      return fail(`无法读取专家公钥登记文件 ${path}：${describeError(error)}`, EXIT_UNREADABLE);
    }
    const fileName = baseName(path);
    const parsed = readExpertKeysBytes(bytes, fileName);
    const problems = parsed.ok
      ? expertKeysRoundProblems(parsed.value, round, fileName)
      : parsed.problems;
    if (!parsed.ok || problems.length > 0) {
      return fail(
        `专家公钥登记文件 ${path} 有 ${problems.length} 个问题：\n` +
          problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
        EXIT_INVALID,
      );
    }
    const conflicts: string[] = [];
    for (const entry of parsed.value.experts) {
      const inPackage = byExpert.get(entry.id);
      if (inPackage !== undefined && inPackage !== entry.publicKey) {
        conflicts.push(
          `  专家${entry.name}（${entry.id}）：评审包中登记 ${fingerprint(inPackage)}，` +
            `${fileName} 中登记 ${fingerprint(entry.publicKey)}`,
        );
      }
      byExpert.set(entry.id, entry.publicKey);
    }
    if (conflicts.length > 0) {
      return fail(
        `评审包与 ${fileName} 为同一位专家登记了不同的公钥，无法确定哪一个有效：\n${conflicts.join('\n')}\n` +
          '请与秘书处核对后，只保留正确的登记。',
        EXIT_INVALID,
      );
    }
  }

  if (byExpert.size === 0) {
    return fail(
      '缺少专家公钥：评审包的 experts[] 中没有 publicKey，也没有给出 --expert-keys。' +
        '没有登记的公钥，就无法确认评分文件由哪位专家签署。' +
        `请用 --expert-keys 专家公钥登记文件（格式 ${EXPERT_KEYS_FORMAT}，由秘书处在“签到”中导出）。`,
      EXIT_INVALID,
    );
  }
  const owners: RegisteredKeys['owners'] = [];
  const seen = new Map<string, string>();
  const shared: string[] = [];
  for (const [id, publicKey] of byExpert) {
    const other = seen.get(publicKey);
    if (other !== undefined) {
      shared.push(`  专家 ${other} 与 ${id} 登记了同一个公钥 ${fingerprint(publicKey)}`);
    }
    seen.set(publicKey, id);
    owners.push({ id, name: names.get(id) ?? id, publicKey });
  }
  if (shared.length > 0) {
    return fail(
      `一个密钥只能属于一位专家：\n${shared.join('\n')}\n请与秘书处核对后更正登记。`,
      EXIT_INVALID,
    );
  }
  return { ok: true, value: { byExpert, owners } };
}
