/**
 * The evidence part of `review-desk verify`: the archive beside the workbook checked against the
 * list of files in the workbook's signed payload, or, without --evidence, a note that the
 * workbook lists evidence that was not checked.
 */
import { verifyEvidenceArchive, type EvidenceEntry } from '@shared/evidence';
import type { ResultPayload } from '@shared/workbook';
import { describeError, EXIT_INVALID, EXIT_UNREADABLE, type CliIo, type ExitCode } from '../io';

const total = (files: readonly EvidenceEntry[]) => files.reduce((sum, f) => sum + f.size, 0);

/** The line printed for a workbook verified without --evidence ('' when it lists none). */
export function evidenceNotChecked(files: readonly EvidenceEntry[] | undefined): string {
  if (!files || files.length === 0) return '';
  return (
    `证据：签名数据列出 ${files.length} 个证据文件（共 ${total(files)} 字节），本次未核对；` +
    '请用 --evidence 名称.evidence.zip 核对证据包（退出码不因此改变）\n'
  );
}

/** The line to print when the archive matches, or the exit code after saying why not. */
export async function checkEvidence(
  io: CliIo,
  payload: ResultPayload,
  path: string,
): Promise<string | ExitCode> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.stderr(`无法读取证据包 ${path}：${describeError(error)}\n`);
    return EXIT_UNREADABLE;
  }
  const files = payload.evidence ?? [];
  const check = verifyEvidenceArchive({ roundId: payload.round.id, files }, bytes, path);
  if (check.ok)
    return `证据：${path} 的 ${check.files} 个文件（共 ${check.bytes} 字节）与签名数据一致\n`;
  if (check.kind === 'unreadable') {
    io.stderr(`${check.problems.join('；')}\n`);
    return EXIT_UNREADABLE;
  }
  io.stderr(`无效：证据包 ${path} 与工作簿的签名数据不符（${check.problems.length} 个问题）\n`);
  if (files.length === 0) io.stderr('  工作簿的签名数据没有列出任何证据文件\n');
  for (const problem of check.problems) io.stderr(`  ${problem}\n`);
  io.stderr('请向出具工作簿的单位索取原样导出的证据包，不要修改或重新打包其中的文件\n');
  return EXIT_INVALID;
}
