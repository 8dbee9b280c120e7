import { verifyResultWorkbook, parseTrustedKeys, type TrustedKey } from '@shared/workbook';
import { checkEvidence, evidenceNotChecked } from './verifyEvidence';
import {
  describeError,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_SIGNER_UNCHECKED,
  EXIT_UNREADABLE,
  type CliIo,
  type ExitCode,
} from '../io';
import { optionValue, parseArgs } from './args';

export const verifyUsage =
  'review-desk verify RESULT.xlsx [--evidence RESULT.evidence.zip] [--trust KEYS.json]';

const KIND_LABELS = { selection: '遴选', evaluation: '评估', inspection: '拉练检查' } as const;

/** KEYS.json, or the exit code after saying why it cannot be used. */
async function readTrust(io: CliIo, path: string): Promise<TrustedKey[] | ExitCode> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(path));
  } catch (error) {
    io.stderr(`无法读取受信任密钥文件 ${path}：${describeError(error)}\n`);
    return EXIT_UNREADABLE;
  }
  const parsed = parseTrustedKeys(text);
  if (!parsed.ok) {
    // The check could not be made at all: that is "unreadable", not "the workbook is invalid".
    io.stderr(
      `受信任密钥文件 ${path} 格式有误：\n${parsed.problems.map((p) => `  ${p}\n`).join('')}`,
    );
    io.stderr('应为 { "keys": [{ "name": "名称", "publicKey": "<base64 公钥>" }] }\n');
    return EXIT_UNREADABLE;
  }
  return parsed.keys;
}

/**
 * `verify RESULT.xlsx [--evidence RESULT.evidence.zip] [--trust KEYS.json]`: the central
 * system's check of a result workbook and, with --evidence, of the evidence archive beside it.
 * Exit 0 only when the workbook is intact AND signed by a key listed in KEYS.json AND (with
 * --evidence) the archive holds exactly the files its signed payload lists; 3 all that but the
 * signer was not checked (no --trust: anyone can sign a workbook with a key of their own);
 * 1 invalid, tampered, signed by an untrusted key, or evidence changed, missing or extra (each
 * problem names the sheet and cell, the file, or the check); 2 unreadable or wrong usage.
 * Without --evidence, a workbook that lists evidence says so: the files were not checked.
 */
export async function verifyCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseArgs(args, { single: ['--trust', '--evidence'] });
  if (typeof parsed === 'string' || parsed.positional.length !== 1) {
    io.stderr(`${typeof parsed === 'string' ? `${parsed}\n` : ''}用法：${verifyUsage}\n`);
    return EXIT_UNREADABLE;
  }
  const path = parsed.positional[0]!;
  const trustPath = optionValue(parsed, '--trust');
  const evidencePath = optionValue(parsed, '--evidence');
  const trust = trustPath === undefined ? undefined : await readTrust(io, trustPath);
  if (typeof trust === 'number') return trust;

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.stderr(`无法读取 ${path}：${describeError(error)}\n`);
    return EXIT_UNREADABLE;
  }
  const result = verifyResultWorkbook(
    bytes,
    trust ? { trustedKeys: trust.map((k) => k.publicKey) } : {},
  );
  if (!result.ok) {
    if (result.kind === 'unreadable') {
      io.stderr(`${path}：${result.problems.join('；')}\n`);
      return EXIT_UNREADABLE;
    }
    io.stderr(`无效：${path} 未通过验证（${result.problems.length} 个问题）\n`);
    for (const problem of result.problems) io.stderr(`  ${problem}\n`);
    return EXIT_INVALID;
  }
  const s = result.summary;
  const signer = trust?.find((k) => k.fingerprint === s.keyId);
  const details =
    `评审：${s.roundTitle}（${s.roundId}，${KIND_LABELS[s.payload.round.kind]}）\n` +
    `内容：${s.packets} 份申报材料，${s.sheets} 份有效评分；生成于 ${s.generatedAt}（${s.generator}）\n`;
  if (trust && !signer) {
    // verifyResultWorkbook already refuses a key outside --trust; never report it as trusted.
    io.stderr(`无效：${path} 的签名密钥 ${s.keyId} 不在受信任的密钥列表中\n`);
    return EXIT_INVALID;
  }
  const evidence =
    evidencePath === undefined
      ? evidenceNotChecked(s.payload.evidence)
      : await checkEvidence(io, s.payload, evidencePath);
  if (typeof evidence === 'number') return evidence;
  if (!signer) {
    io.stdout(
      `签名有效，但未核对签名人：${path} 的签名与内容一致，签名密钥 ${s.keyId} 未与受信任的密钥核对\n` +
        details +
        evidence +
        `签名数据 SHA-256：${s.sha256}\n` +
        '任何人都可以用自己的密钥签出这样的工作簿：请用 --trust KEYS.json 核对签名人（退出码 3）\n',
    );
    for (const warning of s.warnings) io.stdout(`注意：${warning}\n`);
    return EXIT_SIGNER_UNCHECKED;
  }
  io.stdout(
    `有效：${path} 的签名与内容一致，签名人受信任\n` +
      details +
      evidence +
      `签名密钥：${s.keyId}（受信任：${signer.name}）\n` +
      `签名数据 SHA-256：${s.sha256}\n`,
  );
  for (const warning of s.warnings) io.stdout(`注意：${warning}\n`);
  return EXIT_OK;
}
