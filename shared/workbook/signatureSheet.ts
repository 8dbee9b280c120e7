/**
 * The very hidden `_signature` sheet: what is signed and by whom. Column A holds labels and
 * column B values on rows 1–7; the canonical payload follows in chunks down column A from
 * row 9 (format.ts). Writing and reading the layout live together so they cannot drift.
 */
import { cellText, chunkText } from './cellText';
import {
  CHUNK_LENGTH,
  PAYLOAD_HEADING,
  PAYLOAD_HEADING_ROW,
  READABLE_RESULT_FORMATS,
  SIGNATURE_LABELS,
  type SignatureLabel,
} from './format';
import { cellAt, isEmptyCell, type ReadSheet } from './readModel';
import { cellAddress, type CellValue } from './table';

export interface SignatureBlock {
  format: string;
  roundId: string;
  /** SHA-256 hex of the payload's UTF-8 bytes. */
  sha256: string;
  /** base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  /** keyFingerprint(publicKey). */
  keyId: string;
  /** base64 of the 64-byte Ed25519 signature over the payload's UTF-8 bytes. */
  signature: string;
  /** The canonical payload text (RFC 8785 JSON). */
  payload: string;
}

export function signatureRows(block: SignatureBlock): CellValue[][] {
  const chunks = chunkText(block.payload, CHUNK_LENGTH);
  const values: Record<SignatureLabel, CellValue> = {
    format: block.format,
    round: cellText(block.roundId),
    sha256: block.sha256,
    publicKey: block.publicKey,
    keyId: block.keyId,
    signature: block.signature,
    chunks: chunks.length,
  };
  return [
    ...SIGNATURE_LABELS.map((label) => [label, values[label]]),
    [PAYLOAD_HEADING, null],
    ...chunks.map((chunk) => [chunk, null]),
  ];
}

export type SignatureRead =
  { ok: true; block: SignatureBlock } | { ok: false; problems: string[]; unsupported?: boolean };

const where = (row: number, column: number) => `_signature!${cellAddress(row, column)}`;

/** Read the layout back; any cell out of place is a problem (nothing may be added here). */
export function readSignatureSheet(sheet: ReadSheet): SignatureRead {
  const problems: string[] = [];
  const text = (row: number, column: number, what: string): string => {
    const cell = cellAt(sheet, row, column);
    if (cell?.type === 'string' && !cell.formula) return cell.value;
    problems.push(`${where(row, column)}：${what}缺失或不是文本`);
    return '';
  };
  const label = (row: number, expected: string) => {
    const cell = cellAt(sheet, row, 0);
    if (!(cell?.type === 'string' && cell.value === expected && !cell.formula)) {
      problems.push(`${where(row, 0)}：应为“${expected}”，签名工作表的结构被改动`);
    }
  };
  SIGNATURE_LABELS.forEach((expected, row) => label(row, expected));
  label(PAYLOAD_HEADING_ROW, PAYLOAD_HEADING);
  const format = text(0, 1, '格式标识');
  if (format !== '' && !(READABLE_RESULT_FORMATS as readonly string[]).includes(format)) {
    return {
      ok: false,
      unsupported: true,
      problems: [
        `不支持的结果工作簿格式“${format}”（本程序支持 ${READABLE_RESULT_FORMATS.join('、')}）`,
      ],
    };
  }
  const roundId = text(1, 1, '评审编号');
  const sha256 = text(2, 1, 'SHA-256');
  const publicKey = text(3, 1, '公钥');
  const keyId = text(4, 1, '密钥编号');
  const signature = text(5, 1, '签名');
  const countCell = cellAt(sheet, 6, 1);
  const count =
    countCell?.type === 'number' && Number.isSafeInteger(countCell.value) && countCell.value >= 0
      ? countCell.value
      : null;
  if (count === null) problems.push(`${where(6, 1)}：签名数据分段数缺失或无效`);
  const chunks: string[] = [];
  const first = PAYLOAD_HEADING_ROW + 1;
  for (let i = 0; i < (count ?? 0); i += 1)
    chunks.push(text(first + i, 0, `签名数据第 ${i + 1} 段`));

  // Anything else with content on this sheet was added after signing.
  const lastRow = first + (count ?? 0);
  sheet.rows.forEach((cells, row) =>
    cells.forEach((cell, column) => {
      const expected = column === 0 ? row < lastRow : column === 1 && row < SIGNATURE_LABELS.length;
      if (!expected && !isEmptyCell(cell)) {
        problems.push(`${where(row, column)}：签名工作表中多出内容（签名数据之外）`);
      }
    }),
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    block: { format, roundId, sha256, publicKey, keyId, signature, payload: chunks.join('') },
  };
}
