import { useState, type FormEvent } from 'react';
import { rubricMax } from '@shared/rubric/points';
import {
  settingsChanges,
  settingsProblems,
  type RoundSettings,
} from '@shared/rounds/roundSettings';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import {
  RoundSettingsError,
  saveRoundSettings,
  type RoundSettingsView,
} from '../../data/repositories/roundSettingsRepository';
import type { Session } from '../../data/session/session';
import { useI18n } from '../../i18n/I18nProvider';
import { AggregationFields } from './AggregationFields';
import { Field } from './Field';
import { GeneralFields } from './GeneralFields';
import { QuotaFields } from './QuotaFields';
import { TieBreakFields } from './TieBreakFields';
import { VetoRuleFields } from './VetoRuleFields';

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; count: number }
  | { kind: 'unchanged' }
  | { kind: 'error'; message: string };

/**
 * The form: a draft of the stored settings, checked as it is edited (problems shown once a save
 * was tried), saved in one write. After the first submission a reason is asked for.
 */
export function SettingsForm({ view, session }: { view: RoundSettingsView; session: Session }) {
  const { t } = useI18n();
  const { db } = useServices();
  const { guard } = useSessions();
  const [draft, setDraft] = useState<RoundSettings>(view.settings);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const local = settingsProblems(draft, {
    kind: view.kind,
    rubric: view.rubric,
    panelSize: view.panelSize,
  });
  const problems = tried ? { ...serverProblems, ...local } : {};
  const pending = settingsChanges(view.settings, draft, view.rubric).length;
  const needsReason = view.scoringStarted && pending > 0;
  const reasonError = tried && needsReason && reason.trim() === '' ? t.settings.reasonRequired : '';

  const change = (next: RoundSettings) => {
    setDraft(next);
    setServerProblems({});
    if (status.kind !== 'saving') setStatus({ kind: 'idle' });
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setTried(true);
    const count = Object.keys(local).length;
    if (count > 0 || (needsReason && reason.trim() === '')) {
      setStatus({
        kind: 'error',
        message: t.settings.fixFirst(count + (needsReason && reason.trim() === '' ? 1 : 0)),
      });
      // Focus the first field that needs fixing, so the keyboard lands where the work is.
      requestAnimationFrame(() =>
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const saved = await guard(() => saveRoundSettings(db, session, view.roundId, draft, reason));
      if (!saved) return setStatus({ kind: 'idle' });
      setReason('');
      setTried(false);
      setStatus(
        saved.changes.length === 0
          ? { kind: 'unchanged' }
          : { kind: 'saved', count: saved.changes.length },
      );
    } catch (e) {
      if (e instanceof RoundSettingsError) setServerProblems(e.problems);
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
      <GeneralFields
        draft={draft}
        onChange={change}
        problems={problems}
        rubricTitle={view.rubric.title}
      />
      <AggregationFields
        draft={draft}
        onChange={change}
        problems={problems}
        panelSize={view.panelSize}
        rubricMax={rubricMax(view.rubric)}
      />
      <VetoRuleFields draft={draft} onChange={change} problems={problems} rubric={view.rubric} />
      <QuotaFields draft={draft} onChange={change} problems={problems} packets={view.packets} />
      <TieBreakFields draft={draft} onChange={change} problems={problems} rubric={view.rubric} />
      <div className="settings-section settings-submit">
        {needsReason && (
          <Field id="settings-reason" label={t.settings.reason} error={reasonError || undefined}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                className="settings-wide"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
        )}
        <div className="settings-actions">
          <button type="submit" className="button primary" disabled={status.kind === 'saving'}>
            {status.kind === 'saving' ? t.settings.saving : t.settings.save}
          </button>
          <span role="status" data-testid="settings-status">
            {status.kind === 'saved' && (
              <span className="settings-saved">{t.settings.saved(status.count)}</span>
            )}
            {status.kind === 'unchanged' && t.settings.noChanges}
          </span>
        </div>
        {status.kind === 'error' && (
          <p className="error-text" role="alert" data-testid="settings-error">
            {status.message}
          </p>
        )}
      </div>
    </form>
  );
}
