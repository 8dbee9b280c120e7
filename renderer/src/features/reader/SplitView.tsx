import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { clampSplit, readSplit, SPLIT_MAX, SPLIT_MIN, writeSplit } from './splitPosition';

/** One arrow-key press moves the splitter by this share of the width. */
const KEY_STEP = 0.02;

/**
 * Two panes side by side that scroll on their own, with a splitter between them: drag it, or
 * focus it and use the arrow keys (Home/End for the limits). Its position is remembered.
 */
export function SplitView({ reader, sheet }: { reader: ReactNode; sheet: ReactNode }) {
  const { t } = useI18n();
  const [share, setShare] = useState(readSplit);
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  useEffect(() => writeSplit(share), [share]);

  const fromPointer = (clientX: number) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    setShare(clampSplit((clientX - rect.left) / rect.width));
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = {
      ArrowLeft: share - KEY_STEP,
      ArrowRight: share + KEY_STEP,
      ArrowUp: share + KEY_STEP,
      ArrowDown: share - KEY_STEP,
      Home: SPLIT_MIN,
      End: SPLIT_MAX,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setShare(clampSplit(next));
  }

  const percent = Math.round(share * 100);
  return (
    <div
      className="split-view"
      ref={box}
      style={{ gridTemplateColumns: `minmax(0, ${share}fr) 10px minmax(0, ${1 - share}fr)` }}
    >
      <div className="split-reader">{reader}</div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={t.reader.splitter}
        aria-valuemin={Math.round(SPLIT_MIN * 100)}
        aria-valuemax={Math.round(SPLIT_MAX * 100)}
        aria-valuenow={percent}
        aria-valuetext={t.reader.splitValue(percent)}
        tabIndex={0}
        data-testid="reader-splitter"
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          e.preventDefault();
        }}
        onPointerMove={(e) => {
          if (dragging.current) fromPointer(e.clientX);
        }}
        onPointerUp={(e) => {
          dragging.current = false;
          e.currentTarget.releasePointerCapture(e.pointerId);
        }}
      />
      <div className="split-sheet">{sheet}</div>
    </div>
  );
}
