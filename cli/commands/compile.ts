import packageJson from '../../package.json';
import { compileRound, formatHundredths, sheetsFromScoreFiles } from '@shared/compile';
import {
  buildResultPayload,
  renderVisibleSheets,
  writeSignedWorkbook,
  type ResultPayload,
} from '@shared/workbook';
import { nodeSha256Hex, nodeSigner } from '../nodeCrypto';
import { keyFingerprint } from '@shared/signing/hash';
import { canonicalBytes } from '@shared/canonical/canonicalJson';
import { formatBytes } from '@shared/formats/zip';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo, type ExitCode } from '../io';
import { hasFlag, optionValue, parseArgs } from './args';
import { readExpertKeySources } from './expertKeySources';
import { checkOutputPath, writeOutput } from './output';
import { passphraseFromEnv } from './passphraseEnv';
import { localIsoTime } from '@shared/time/localIsoTime';
import { readRound, readScoreFiles, readSigningKey } from './compileInputs';

export const compileUsage =
  'review-desk compile --round ROUND.zip --scores DIR_OR_FILES... --key KEY.pem --out RESULT.xlsx [--expert-keys EXPERT-KEYS.json] [--passphrase-env VAR] [--force]';

/** The printed results: 结果汇总 as rendered for the workbook, so screen and file agree. */
function resultsTable(payload: ResultPayload): string {
  const summary = renderVisibleSheets(payload)[0]!;
  const lines = [['排名', '项目编号', '分组', '有效评分', '得分', '结论', '标记'].join('\t')];
  for (const row of summary.rows) {
    const [rank, id, , , , group, n, score, decision, marks] = row;
    const scoreText = typeof score === 'number' ? formatHundredths(Math.round(score * 100)) : '—';
    lines.push(
      [rank ?? '—', id, group ?? '', n, scoreText, decision ?? '—', marks ?? ''].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `compile`: round package + expert score files → signed result workbook. The numbers come from
 * shared/compile, the same code the app runs, so app and CLI agree on every score. Every score
 * file must pass the same checks as the app's import (round, roster, rubric) and be signed by
 * its expert's registered key; otherwise nothing is written.
 */
export async function compileCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseArgs(args, {
    single: ['--round', '--key', '--out', '--passphrase-env', '--expert-keys'],
    multiple: ['--scores'],
    flags: ['--force'],
  });
  const usage = (message: string): ExitCode => {
    io.stderr(`${message}\n用法：${compileUsage}\n`);
    return EXIT_UNREADABLE;
  };
  if (typeof parsed === 'string') return usage(parsed);
  if (parsed.positional.length > 0) return usage(`无法识别的参数“${parsed.positional[0]}”`);
  const roundPath = optionValue(parsed, '--round');
  const scores = parsed.options.get('--scores') ?? [];
  const keyPath = optionValue(parsed, '--key');
  const out = optionValue(parsed, '--out');
  const missing = [
    roundPath ? '' : '--round',
    scores.length > 0 ? '' : '--scores',
    keyPath ? '' : '--key',
    out ? '' : '--out',
  ].filter(Boolean);
  if (missing.length > 0 || !roundPath || !keyPath || !out) {
    return usage(`缺少选项：${missing.join('、')}`);
  }
  const expertKeysPath = optionValue(parsed, '--expert-keys');
  const force = hasFlag(parsed, '--force');
  const inputs = [roundPath, keyPath, ...scores, ...(expertKeysPath ? [expertKeysPath] : [])];
  const refused = await checkOutputPath(io, out, force, inputs);
  if (refused !== null) return refused;
  const passphrase = passphraseFromEnv(io, parsed);
  if (!passphrase.ok) return passphrase.code;

  const seed = await readSigningKey(io, keyPath, passphrase.value);
  if (!seed.ok) return seed.code;
  const pkg = await readRound(io, roundPath);
  if (!pkg.ok) return pkg.code;
  const keys = await readExpertKeySources(io, expertKeysPath, pkg.value);
  if (!keys.ok) return keys.code;
  const files = await readScoreFiles(io, scores, pkg.value, keys.value);
  if (!files.ok) return files.code;

  const { round, packets } = pkg.value;
  const sheets = sheetsFromScoreFiles(files.value.map((f) => f.content));
  const result = compileRound({ round, packets, sheets });
  const payload = buildResultPayload({
    round,
    packets,
    sheets,
    result,
    // The registered keys: every accepted file was signed by its expert's registered key.
    expertPublicKeys: Object.fromEntries(keys.value.byExpert),
    audit: [],
    generatedAt: localIsoTime(new Date()),
    generator: `review-desk ${packageJson.version}`,
  });
  const signer = nodeSigner(seed.value);
  const bytes = await writeSignedWorkbook(payload, signer, { sha256Hex: nodeSha256Hex });
  const failed = await writeOutput(io, out, bytes, { force });
  if (failed !== null) return failed;

  io.stdout(`${round.title}（${round.id}）\n${resultsTable(payload)}`);
  for (const flag of result.flags) io.stdout(`提示：${flag.message}\n`);
  io.stdout(
    `已写入结果工作簿 ${out}（${formatBytes(bytes.length)}）：${payload.results.length} 份申报材料，` +
      `${files.value.length} 个评分文件，${payload.sheets.length} 份有效评分\n` +
      `签名密钥 ${keyFingerprint(signer.publicKey)}，签名数据 SHA-256 ${nodeSha256Hex(canonicalBytes(payload))}\n`,
  );
  return EXIT_OK;
}
