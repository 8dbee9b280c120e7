import { useLiveQuery } from 'dexie-react-hooks';
import { memo } from 'react';
import { useServices } from '../../app/AppServices';
import {
  expertAssignmentCount,
  expertSheetCounts,
  progressFrom,
} from '../../data/repositories/sheetRepository';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Always-visible progress of one expert's own sheets (done / to do / 回避). Memoised: the sheet
 * page re-renders on every keystroke, and these counts do not change with a draft's text.
 */
export const ExpertProgressBar = memo(function ExpertProgressBar({
  roundId,
  expertId,
}: {
  roundId: string;
  expertId: string;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  // Two live queries, so that a submission re-counts only sheets, never the assignments (a
  // draft's save re-runs neither: see expertSheetCounts).
  const total = useLiveQuery(
    () => expertAssignmentCount(db, roundId, expertId),
    [db, roundId, expertId],
  );
  const counts = useLiveQuery(
    () => expertSheetCounts(db, roundId, expertId),
    [db, roundId, expertId],
  );
  if (total === undefined || !counts) return null;
  const progress = progressFrom(total, counts);
  const percent =
    progress.total === 0 ? 0 : Math.round((progress.submitted / progress.total) * 100);
  return (
    <div className="progress" data-testid="expert-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t.display.progressName}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.submitted}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span>
        {t.scoring.progress(progress.submitted, progress.total, progress.toDo, progress.conflicts)}
      </span>
    </div>
  );
});
