export {
  readRoundPackage,
  type ReadRoundPackageOptions,
  type RoundPackage,
} from './roundPackageReader';
export { writeRoundPackage, type RoundPackageContent } from './roundPackageWriter';
export {
  BAD_SIGNATURE_MESSAGE,
  SCORES_FORMAT,
  attachScoreSignature,
  readScoreFile,
  readScoreFileBytes,
  scoreFileSchema,
  scoreFileSigningPayload,
  serializeScoreFile,
  signScoreFile,
  unsignedScoreFileSchema,
  type ScoreFile,
  type ScoreSheet,
  type UnsignedScoreFile,
  type VerifiedScoreFile,
} from './scoreFile';
export { DEFAULT_ZIP_LIMITS, formatBytes, looksLikeZip, readZip, type ZipLimits } from './zip';
