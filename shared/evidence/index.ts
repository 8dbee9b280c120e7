export * from './format';
export { writeEvidenceArchive, type EvidenceArchive, type EvidenceFile } from './writeArchive';
export { verifyEvidenceArchive, type EvidenceCheck, type ExpectedEvidence } from './verifyArchive';
