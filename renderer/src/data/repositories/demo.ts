import { buildDemoRound } from '../../../../shared/demo/demoRound';
import type { ReviewDeskDb } from '../db';
import { importRound, type ImportOutcome } from './roundRepository';

/** The empty state's 载入示例评审: the demo round generated in shared/, stored like any package. */
export function loadDemoRound(db: ReviewDeskDb): Promise<ImportOutcome> {
  return importRound(db, buildDemoRound(), 'demo');
}
