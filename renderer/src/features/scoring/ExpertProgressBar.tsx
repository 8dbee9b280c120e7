import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/AppServices';
import { expertProgress } from '../../data/repositories/sheetRepository';
import { useI18n } from '../../i18n/I18nProvider';

/** Always-visible progress of one expert's own sheets (done / to do / 回避). */
export function ExpertProgressBar({ roundId, expertId }: { roundId: string; expertId: string }) {
  const { t } = useI18n();
  const { db } = useServices();
  const progress = useLiveQuery(
    () => expertProgress(db, roundId, expertId),
    [db, roundId, expertId],
  );
  if (!progress) return null;
  const percent =
    progress.total === 0 ? 0 : Math.round((progress.submitted / progress.total) * 100);
  return (
    <div className="progress" data-testid="expert-progress">
      <div
        className="progress-track"
        role="progressbar"
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
}
