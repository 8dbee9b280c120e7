export {
  buildResultWorkbook,
  seedSigner,
  writeSignedWorkbook,
  type WorkbookSigner,
  type WriteWorkbookOptions,
} from './build';
export {
  buildResultPayload,
  type AdjustmentInput,
  type AuditInput,
  type FindingInput,
  type OpinionInput,
  type ResultWorkbookInput,
} from './buildPayload';
export { cellText, chunkText } from './cellText';
export {
  CHUNK_LENGTH,
  FINDING_SEVERITIES,
  READABLE_RESULT_FORMATS,
  RESULT_FORMAT,
  RESULT_FORMAT_V2,
  SHEET,
  type ResultFormat,
  SUMMARY_COLUMNS,
  type FindingSeverity,
} from './format';
export {
  resultPayloadSchema,
  type AdjustmentRecord,
  type AuditRecord,
  type CityRankingRecord,
  type FindingRecord,
  type ConflictRecord,
  type OpinionRecord,
  type PacketOutcome,
  type ResultExpert,
  type ResultPayload,
  type ResultRound,
  type SheetRecord,
} from './payload';
export type { ReadBook, ReadCell, ReadSheet } from './readModel';
export { renderVisibleSheets } from './render';
export type { CellValue, SheetTable } from './table';
export { isTrustedKey, parseTrustedKeys, type TrustedKey } from './trust';
export {
  verifyReadBook,
  verifyResultWorkbook,
  type VerifiedWorkbook,
  type VerifyOptions,
  type VerifyResult,
} from './verify';
export { readWorkbook } from './xlsxRead';
