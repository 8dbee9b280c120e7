export { buildScoreFile, NotOwnSheetError } from './buildScoreFile';
export { decideSheet, planScoreFileImport } from './planImport';
export { keyCheck, REGISTER_KEY_HINT, type KeyCheckInput, type KeyOwner } from './keyCheck';
export {
  scoreFileProblems,
  type ScoreFileProblem,
  type ScoreFileToValidate,
} from './validateScoreFile';
export { conflictId, sameContent, sheetContent } from './sheetContent';
export type * from './types';
