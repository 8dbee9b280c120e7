import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Criterion, Rubric } from '@shared/model/rubric';
import {
  allCriteria,
  commentRequired,
  readPoints,
  remainingCriteria,
  roundPoints,
  rubricMax,
  sectionMax,
  sectionSubtotal,
  sheetProblems,
  sheetTotal,
  type SheetProblem,
} from '@shared/rubric/points';
import type { SheetRow } from '../../data/rows';
import type { SubmitOutcome } from '../../data/repositories/sheetRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime, formatTime } from '../../app/format/dateTime';
import { formatPoints } from '../../app/format/points';
import { keepClearOfStickyBars } from './keepFocusVisible';
import { SubmitConfirmDialog } from './SubmitConfirmDialog';
import { useSaveState, type SaveStore } from './useSheetDraft';

interface Props {
  rubric: Rubric;
  sheet: SheetRow;
  /** The save indicator's state: only the indicator re-renders when a save lands. */
  save: SaveStore;
  onInput(criterionId: string, text: string): void;
  onVeto(vetoId: string, ticked: boolean): void;
  onVetoReason(vetoId: string, text: string): void;
  onComment(text: string): void;
  onSubmit(): Promise<SubmitOutcome>;
  /** Shown in the total bar once the sheet is submitted (the way on to the next sheet). */
  afterSubmit?: ReactNode;
}

const problemKey = (problem: SheetProblem) =>
  problem.target.kind === 'comment' ? 'comment' : `${problem.target.kind}:${problem.target.id}`;

export function SheetForm({
  rubric,
  sheet,
  save,
  onInput,
  onVeto,
  onVetoReason,
  onComment,
  onSubmit,
  afterSubmit,
}: Props) {
  const { t, language } = useI18n();
  const locked = sheet.status === 'submitted' || sheet.status === 'conflict';
  const criteria = useMemo(() => allCriteria(rubric), [rubric]);
  const criterionIndex = useMemo(() => new Map(criteria.map((c, i) => [c.id, i])), [criteria]);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [problems, setProblems] = useState<SheetProblem[]>([]);
  const [submitting, setSubmitting] = useState(false);
  // A refusal that is not about the sheet's content (e.g. results confirmed and locked).
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Where focus was when the confirmation opened: Esc puts it back there.
  const focusBeforeConfirm = useRef<HTMLElement | null>(null);
  const footer = useRef<HTMLElement>(null);
  // The rows below are memoised: they get handlers that never change, which call the latest
  // onInput, so a keystroke re-renders only the row whose text changed.
  const latestOnInput = useRef(onInput);
  useLayoutEffect(() => {
    latestOnInput.current = onInput;
  });
  const onCriterionInput = useCallback(
    (criterionId: string, text: string) => latestOnInput.current(criterionId, text),
    [],
  );
  const registerInput = useCallback((criterionId: string, el: HTMLInputElement | null) => {
    if (el) inputs.current.set(criterionId, el);
    else inputs.current.delete(criterionId);
  }, []);

  // A sheet opens with the first empty points box focused (the first box when none is empty).
  const sheetKey = sheet.key;
  useEffect(() => {
    if (locked) return;
    const firstEmpty = criteria.find((c) => (sheet.inputs[c.id] ?? '').trim() === '');
    const target = firstEmpty ?? criteria[0];
    if (target) inputs.current.get(target.id)?.focus();
    // Only when a sheet opens, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheetKey]);

  const total = sheetTotal(rubric, sheet.scores);
  const max = rubricMax(rubric);
  const remaining = remainingCriteria(rubric, sheet.scores);
  const needsComment = commentRequired(rubric, total);
  const commentThreshold = roundPoints(rubric.commentRequiredBelow * max);
  const problemsByKey = new Map(problems.map((p) => [problemKey(p), p.message]));

  function focusTarget(problem: SheetProblem) {
    const id =
      problem.target.kind === 'criterion'
        ? `criterion-${problem.target.id}`
        : problem.target.kind === 'veto'
          ? `veto-reason-${problem.target.id}`
          : 'sheet-comment';
    document.getElementById(id)?.focus();
  }

  /** Ask once before locking; a sheet with problems shows them instead of asking. */
  function askToSubmit() {
    if (locked || submitting || confirming) return;
    const found = sheetProblems(rubric, sheet);
    if (found.length > 0) {
      setProblems(found);
      const first = found[0];
      if (first) focusTarget(first);
      return;
    }
    setProblems([]);
    focusBeforeConfirm.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirming(true);
  }

  function cancelSubmit() {
    setConfirming(false);
    restoreFocus.current = true;
  }

  // Focus can go back only once the modal dialog is gone (the page behind it is inert).
  const restoreFocus = useRef(false);
  useEffect(() => {
    if (confirming || !restoreFocus.current) return;
    restoreFocus.current = false;
    focusBeforeConfirm.current?.focus();
  }, [confirming]);

  async function submit() {
    setConfirming(false);
    if (locked || submitting) return;
    setSubmitting(true);
    setRefusal(null);
    try {
      const outcome = await onSubmit();
      if (outcome.ok) {
        setProblems([]);
      } else {
        setProblems(outcome.problems);
        const first = outcome.problems[0];
        if (first) focusTarget(first);
      }
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setSubmitting(false);
    }
  }

  const onCriterionKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>, index: number) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const next = criteria[index + 1];
      if (next) inputs.current.get(next.id)?.focus();
      else document.getElementById('sheet-comment')?.focus();
    },
    [criteria],
  );

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      askToSubmit();
    }
  }

  return (
    <>
      <form
        className="sheet"
        aria-label={t.scoring.sheetTitle}
        onKeyDown={onFormKeyDown}
        onFocus={(e) => keepClearOfStickyBars(e.target, footer.current)}
        onSubmit={(e) => {
          e.preventDefault();
          askToSubmit();
        }}
      >
        {sheet.status === 'submitted' && sheet.submittedAt && (
          <p className="banner success" role="status" data-testid="sheet-submitted">
            {t.scoring.submitted(formatDateTime(sheet.submittedAt, language), sheet.revision)}
          </p>
        )}
        {refusal && (
          <p className="banner error" role="alert" data-testid="sheet-refused">
            {refusal}
          </p>
        )}
        {problems.length > 0 && (
          <div className="banner error" role="alert">
            <p>{t.scoring.fixBeforeSubmit}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problemKey(problem)}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => focusTarget(problem)}
                  >
                    {problem.message}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {!locked && <p className="muted hint">{t.scoring.keyboardHint}</p>}

        {rubric.sections.map((section) => (
          <fieldset key={section.id} className="sheet-section">
            <legend>
              <span>{section.title}</span>
              <span className="muted" data-testid={`subtotal-${section.id}`}>
                {t.scoring.sectionSubtotal(
                  formatPoints(sectionSubtotal(section, sheet.scores)),
                  sectionMax(section),
                )}
              </span>
            </legend>
            {section.criteria.map((criterion) => (
              <CriterionRow
                key={criterion.id}
                criterion={criterion}
                index={criterionIndex.get(criterion.id) ?? 0}
                text={sheet.inputs[criterion.id] ?? ''}
                submitProblem={problemsByKey.get(`criterion:${criterion.id}`) ?? null}
                locked={locked}
                register={registerInput}
                onInput={onCriterionInput}
                onKeyDown={onCriterionKeyDown}
              />
            ))}
          </fieldset>
        ))}

        {rubric.vetoes.length > 0 && (
          <fieldset className="sheet-section">
            <legend>
              <span>{t.scoring.vetoes}</span>
              <span className="muted">{t.scoring.vetoHint}</span>
            </legend>
            {rubric.vetoes.map((veto) => {
              const ticked = sheet.vetoes[veto.id] === true;
              const message = problemsByKey.get(`veto:${veto.id}`);
              return (
                <div key={veto.id} className="veto">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={ticked}
                      disabled={locked}
                      onChange={(e) => onVeto(veto.id, e.target.checked)}
                    />
                    {veto.title}
                  </label>
                  {ticked && (
                    <textarea
                      id={`veto-reason-${veto.id}`}
                      aria-label={`${t.scoring.vetoReason}：${veto.title}`}
                      placeholder={t.scoring.vetoReason}
                      value={sheet.vetoReasons[veto.id] ?? ''}
                      readOnly={locked}
                      aria-invalid={message ? true : undefined}
                      onChange={(e) => onVetoReason(veto.id, e.target.value)}
                    />
                  )}
                  {message && <span className="error-text small">{message}</span>}
                </div>
              );
            })}
          </fieldset>
        )}

        <div className="sheet-section comment">
          <label htmlFor="sheet-comment">
            {t.scoring.comment}
            {needsComment && (
              <span className="required"> *（{t.scoring.commentRequired(commentThreshold)}）</span>
            )}
          </label>
          <textarea
            id="sheet-comment"
            value={sheet.comment}
            readOnly={locked}
            rows={3}
            aria-invalid={problemsByKey.has('comment') ? true : undefined}
            onChange={(e) => onComment(e.target.value)}
          />
        </div>

        <footer className="sheet-footer" ref={footer}>
          <div className="total">
            <span>{t.scoring.total}</span>
            <output data-testid="sheet-total" aria-live="polite">
              {formatPoints(total)}
            </output>
            <span className="muted">/ {max}</span>
          </div>
          <span className="muted" data-testid="sheet-remaining">
            {t.scoring.remaining(remaining)}
          </span>
          <SaveIndicator store={save} />
          {!locked && (
            <button
              type="submit"
              className="button primary"
              disabled={submitting}
              title={t.scoring.submitShortcut}
            >
              {t.scoring.submit}
              <kbd>{t.scoring.submitShortcut}</kbd>
            </button>
          )}
          {sheet.status === 'submitted' && afterSubmit}
        </footer>
      </form>
      {confirming && (
        <SubmitConfirmDialog onConfirm={() => void submit()} onCancel={cancelSubmit} />
      )}
    </>
  );
}

/** 保存中… / 已保存 / 保存失败: the only part of the sheet that re-renders when a save lands. */
function SaveIndicator({ store }: { store: SaveStore }) {
  const { t } = useI18n();
  const save = useSaveState(store);
  return (
    <span className={`save-state ${save.state}`} data-testid="save-state" role="status">
      {save.state === 'saving' && t.scoring.saving}
      {save.state === 'saved' && t.scoring.saved(formatTime(save.at))}
      {save.state === 'error' && t.scoring.saveFailed(save.message)}
    </span>
  );
}

interface CriterionRowProps {
  criterion: Criterion;
  /** Its place among all the rubric's criteria (Enter moves on to the next one). */
  index: number;
  text: string;
  /** What the last submit attempt said about this box, if anything. */
  submitProblem: string | null;
  locked: boolean;
  register(criterionId: string, el: HTMLInputElement | null): void;
  onInput(criterionId: string, text: string): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number): void;
}

/** One points box with its title and its live reading; re-renders only when its props change. */
const CriterionRow = memo(function CriterionRow({
  criterion,
  index,
  text,
  submitProblem,
  locked,
  register,
  onInput,
  onKeyDown,
}: CriterionRowProps) {
  const { t } = useI18n();
  const reading = readPoints(criterion, text);
  // Show a problem as soon as something wrong is typed; “missing” only after a submit attempt.
  const liveProblem = reading.status === 'problem' ? reading.problem : null;
  // A problem from the last submit attempt stays only while the box is still not counted.
  const message = liveProblem ?? (reading.status === 'counted' ? null : submitProblem);
  const inputId = `criterion-${criterion.id}`;
  return (
    <div className={`criterion${message ? ' invalid' : ''}`}>
      <label htmlFor={inputId}>
        <span className="criterion-title">{criterion.title}</span>
        {criterion.guidance && <span className="muted guidance">{criterion.guidance}</span>}
      </label>
      <div className="criterion-entry">
        <input
          id={inputId}
          ref={(el) => register(criterion.id, el)}
          className="points"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          readOnly={locked}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${inputId}-help`}
          onChange={(e) => onInput(criterion.id, e.target.value)}
          onKeyDown={(e) => onKeyDown(e, index)}
        />
        <span id={`${inputId}-help`} className={message ? 'error-text small' : 'muted small'}>
          {liveProblem
            ? t.scoring.notCounted(liveProblem)
            : (message ?? t.scoring.max(criterion.max, criterion.step))}
        </span>
      </div>
    </div>
  );
});
