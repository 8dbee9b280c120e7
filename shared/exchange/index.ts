export { buildScoreFile, NotOwnSheetError } from './buildScoreFile';
export { decideSheet, planScoreFileImport } from './planImport';
export { conflictId, sameContent, sheetContent } from './sheetContent';
export type * from './types';
