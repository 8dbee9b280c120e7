import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useServices } from '../../app/AppServices';
import { hrefFor, navigate } from '../../app/router';
import { packetsAssignedTo } from '../../data/repositories/queries';
import { expertSheetStatuses } from '../../data/repositories/sheetRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { nextSheetToScore } from './nextSheetToScore';

/**
 * After a submission: 下一个待评项目 (also Alt+N) opens the expert's next sheet that is not yet
 * submitted, in the order of their list; when none is left it says so and links back to the list.
 */
export function NextSheetButton({
  roundId,
  expertId,
  packetId,
  focusOnShow,
}: {
  roundId: string;
  expertId: string;
  packetId: string;
  /** Focus the button when it appears, so the expert can go on by keyboard. */
  focusOnShow: boolean;
}) {
  const { t } = useI18n();
  const { db } = useServices();
  const next = useLiveQuery(async () => {
    // One read at a time (the live-query rule, queries.ts).
    const packets = await packetsAssignedTo(db, roundId, expertId);
    const statuses = await expertSheetStatuses(db, roundId, expertId);
    return nextSheetToScore(
      packets.map((p) => p.id),
      statuses,
      packetId,
    );
  }, [db, roundId, expertId, packetId]);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLAnchorElement>(null);
  const shown = next !== undefined;

  useEffect(() => {
    if (shown && focusOnShow) (button.current ?? list.current)?.focus();
  }, [shown, focusOnShow]);

  useEffect(() => {
    if (!next) return;
    const target = next;
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.key.toLowerCase() !== 'n')
        return;
      event.preventDefault();
      navigate({ name: 'sheet', roundId, expertId, packetId: target });
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [next, roundId, expertId]);

  if (next === undefined) return null;
  if (next === null)
    return (
      <span className="next-sheet" role="status" data-testid="all-sheets-done">
        {t.scoring.allDone}{' '}
        <a ref={list} href={hrefFor({ name: 'expertSheets', roundId, expertId })}>
          {t.scoring.allDoneLink}
        </a>
      </span>
    );
  return (
    <button
      ref={button}
      type="button"
      className="button primary"
      aria-keyshortcuts="Alt+N"
      title={t.scoring.nextShortcut}
      onClick={() => navigate({ name: 'sheet', roundId, expertId, packetId: next })}
    >
      {t.scoring.nextSheet}
      <kbd>{t.scoring.nextShortcut}</kbd>
    </button>
  );
}
