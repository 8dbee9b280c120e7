/**
 * The fixed vocabulary of the result workbook, `review-desk/result@2` (docs/formats.md). Sheet
 * names, headers and the `_signature` layout are part of the contract with the central system:
 * changing any of them means a new format id, because verification re-renders the visible
 * sheets from the signed payload and compares cell by cell.
 */
/**
 * @3: 专家组意见 (payload `opinions`, sheet 专家组意见) and 结论 worded as the panel's
 * recommendation (建议入选 …). @2 (the experts' registered public keys, payload
 * `experts[].publicKey`, 专家名单 公钥) is still read and verified as it was written.
 */
export const RESULT_FORMAT = 'review-desk/result@3';
export const RESULT_FORMAT_V2 = 'review-desk/result@2';
/** The formats the verifier reads; the writer writes RESULT_FORMAT only. */
export const READABLE_RESULT_FORMATS = [RESULT_FORMAT, RESULT_FORMAT_V2] as const;
export type ResultFormat = (typeof READABLE_RESULT_FORMATS)[number];

export const SHEET = {
  summary: '结果汇总',
  detail: '评分明细',
  experts: '专家名单',
  conflicts: '回避记录',
  audit: '审计记录',
  /** Optional sheets: written only when the payload has the section. */
  findings: '问题清单',
  adjustments: '动态调整',
  cityRanking: '城市排名',
  /** @3: 专家组意见, one row per packet with an opinion. */
  opinions: '专家组意见',
  signature: '_signature',
} as const;

/** Severity of an inspection finding (问题清单), mildest first. */
export const FINDING_SEVERITIES = ['一般', '较重', '严重'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** 结果汇总 columns, exactly in this order (docs/formats.md). */
export const SUMMARY_COLUMNS = [
  '排名',
  '项目编号',
  '项目名称',
  '申报单位',
  '市(州)',
  '分组',
  '有效评分数',
  '得分',
  '结论',
  '标记',
] as const;

/**
 * Payload chunk length in UTF-16 code units. Excel refuses cells over 32 767 characters; 30 000
 * leaves room and keeps every chunk a whole number of code points (see chunkText).
 */
export const CHUNK_LENGTH = 30_000;

/**
 * `_signature` layout: labels in column A, values in column B, rows 1–7; the payload chunks
 * down column A from row 9. Labels are machine-read and stay in English.
 */
export const SIGNATURE_LABELS = [
  'format',
  'round',
  'sha256',
  'publicKey',
  'keyId',
  'signature',
  'chunks',
] as const;
export type SignatureLabel = (typeof SIGNATURE_LABELS)[number];
/** Row (0-based) holding the heading of the chunk list; chunks start on the next row. */
export const PAYLOAD_HEADING_ROW = 7;
export const PAYLOAD_HEADING = 'payload (RFC 8785 JSON, UTF-8; concatenate A9, A10, … in order)';

/** The number format of 得分 and every other two-decimal figure. */
export const TWO_DECIMALS = '0.00';
