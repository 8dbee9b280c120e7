import { useState } from 'react';
import type { RoundPackageProgress } from '@shared/formats/roundPackageReader';
import type { InputProblem } from '@shared/model/validation';
import { useServices } from '../../app/AppServices';
import { useSessions } from '../../app/Sessions';
import { navigate } from '../../app/router';
import {
  applyRoundUpdate,
  importRound,
  type RoundContent,
  type UpdatePlan,
} from '../../data/repositories/roundRepository';
import { storageFailureMessage } from '../../data/storageErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { parseRoundPackage } from './parsePackage';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string; done: number; total: number }
  | { kind: 'problems'; heading: string; problems: InputProblem[] }
  | { kind: 'message'; text: string; tone: 'info' | 'error' }
  | { kind: 'confirm'; content: RoundContent; plan: UpdatePlan; source: string };

/** The import workflow shared by the home page and the packet list. */
export function useRoundImport() {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const { secretariat, guard } = useSessions();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const fail = (error: unknown) =>
    setState({
      kind: 'message',
      tone: 'error',
      text: storageFailureMessage(error, t.storage.quotaExceeded, t.storage.blobsNotWritten),
    });

  /** Store parsed content, or stop at the diff when it is a newer version of a stored round. */
  async function store(content: RoundContent, source: string) {
    setState({ kind: 'busy', label: t.importing.storing, done: 0, total: 0 });
    let outcome;
    try {
      outcome = await importRound(db, content, source);
      performance.mark('import:stored');
    } catch (error) {
      fail(error);
      return;
    }
    if (outcome.kind === 'imported') navigate({ name: 'packets', roundId: outcome.roundId });
    if (outcome.kind === 'imported') setState({ kind: 'idle' });
    else if (outcome.kind === 'unchanged') {
      setState({ kind: 'message', tone: 'info', text: t.importing.unchanged(content.round.title) });
    } else setState({ kind: 'confirm', content, plan: outcome.plan, source });
  }

  async function importPackage() {
    try {
      // Read in pieces as the reader needs them: a package may be 2 GiB.
      const file = await platform.openFileSource({
        title: t.importing.pickTitle,
        filters: [{ name: t.importing.filterName, extensions: ['zip'] }],
      });
      if (!file) return;
      // Phase marks: `npm run bench` prints them to show where an import's time goes.
      performance.mark('import:picked');
      setState({ kind: 'busy', label: t.importing.reading(file.name), done: 0, total: 0 });
      const onProgress = (p: RoundPackageProgress) =>
        setState({
          kind: 'busy',
          label:
            p.phase === 'unpack'
              ? t.importing.unpack(p.done, p.total, `${(p.bytesDone / 1048576).toFixed(1)} MB`)
              : t.importing.check(p.done, p.total),
          done: p.done,
          total: p.total,
        });
      const parsed = await parseRoundPackage(file, onProgress);
      performance.mark('import:parsed');
      if (!parsed.ok) {
        setState({
          kind: 'problems',
          heading: t.importing.refused(file.name, parsed.problems.length),
          problems: parsed.problems,
        });
        return;
      }
      await store(parsed.value, file.name);
    } catch (error) {
      fail(error);
    }
  }

  async function confirm() {
    if (state.kind !== 'confirm') return;
    const { content, plan, source } = state;
    const asked = state;
    try {
      setState({ kind: 'busy', label: t.importing.storing, done: 0, total: 0 });
      // A newer version replaces the roster, rubric and packets: the secretariat's to apply.
      const applied = await guard(() => applyRoundUpdate(db, secretariat, content, source, plan));
      if (!applied) {
        setState(asked);
        return;
      }
      setState({ kind: 'message', tone: 'info', text: t.importing.updated(content.round.title) });
      navigate({ name: 'packets', roundId: content.round.id });
    } catch (error) {
      fail(error);
    }
  }

  return {
    state,
    importPackage,
    store,
    confirm,
    showProblems: (heading: string, problems: InputProblem[]) =>
      setState({ kind: 'problems', heading, problems }),
    fail,
    dismiss: () => setState({ kind: 'idle' }),
  };
}
