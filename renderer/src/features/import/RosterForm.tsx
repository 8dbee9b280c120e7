import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { PickedFile } from '../../../../shared/platform/Platform';
import { BUILT_IN_RUBRICS, builtInRubric } from '../../../../shared/rubrics/builtInRubrics';
import { sha256Hex } from '../../../../shared/signing/hash';
import { useServices } from '../../app/AppServices';
import { useI18n } from '../../i18n/I18nProvider';
import type { useRoundImport } from './useRoundImport';

/** One expert per line: 姓名 单位 市(州), separated by spaces, tabs or commas (pasted from Excel). */
function parseExpertLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', org = '', city = ''] = line.split(/[\t,，、\s]+/);
      return { name, org, city };
    });
}

/** 从名单创建: a roster workbook plus a built-in rubric. Plain form controls, so Tab and Enter work. */
export function RosterForm({
  importer,
  onClose,
}: {
  importer: ReturnType<typeof useRoundImport>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { platform } = useServices();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [rubricKey, setRubricKey] = useState(BUILT_IN_RUBRICS[0]!.key);
  const [title, setTitle] = useState('');
  const [experts, setExperts] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function chooseFile() {
    const [picked] = await platform.openFiles({
      title: t.importing.roster.file,
      filters: [{ name: t.importing.rosterFilterName, extensions: ['xlsx', 'xls'] }],
      multiple: false,
    });
    if (picked) {
      setFile(picked);
      if (!title) setTitle(picked.name.replace(/\.(xlsx|xls)$/i, ''));
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError(t.importing.roster.needFile);
    if (!title.trim()) return setError(t.importing.roster.needTitle);
    setError(null);
    setBusy(true);
    try {
      // SheetJS is large and only needed here: load it on demand.
      const [{ readRosterWorkbook }, { rosterToRound }] = await Promise.all([
        import('../../../../shared/roster/readRosterWorkbook'),
        import('../../../../shared/roster/rosterToRound'),
      ]);
      const tables = readRosterWorkbook(file.bytes, file.name);
      const result = tables.ok
        ? rosterToRound(
            tables.value,
            {
              // Same workbook, same round id: importing it twice is recognised as the same round.
              id: `RS-${sha256Hex(file.bytes).slice(0, 12).toUpperCase()}`,
              title: title.trim(),
              builtIn: builtInRubric(rubricKey)!,
              extraExperts: parseExpertLines(experts),
            },
            file.name,
          )
        : tables;
      if (!result.ok) {
        importer.showProblems(
          t.importing.rosterRefused(file.name, result.problems.length),
          result.problems,
        );
        return;
      }
      onClose();
      await importer.store(result.value, file.name);
    } catch (e) {
      importer.fail(e);
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
  };

  return (
    <form
      className="card roster-form"
      aria-label={t.importing.roster.title}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <h2>{t.importing.roster.title}</h2>
      <p className="muted">{t.importing.roster.hint}</p>
      <div className="form-row">
        <span>{t.importing.roster.file}</span>
        {/* The form opens on request, so focus belongs in it. */}
        <button type="button" className="button" onClick={chooseFile} autoFocus>
          {t.importing.roster.chooseFile}
        </button>
        <span className="muted" data-testid="roster-file">
          {file ? file.name : t.importing.roster.noFile}
        </span>
      </div>
      <label className="form-row">
        <span>{t.importing.roster.rubric}</span>
        <select value={rubricKey} onChange={(e) => setRubricKey(e.target.value)}>
          {BUILT_IN_RUBRICS.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label}（{r.rubric.title}）
            </option>
          ))}
        </select>
      </label>
      <label className="form-row">
        <span>{t.importing.roster.roundTitle}</span>
        <input
          type="text"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
        />
      </label>
      <label className="form-row">
        <span>{t.importing.roster.experts}</span>
        <textarea rows={3} value={experts} onChange={(e) => setExperts(e.target.value)} />
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t.importing.roster.creating : t.importing.roster.create}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t.importing.roster.cancel}
        </button>
      </div>
    </form>
  );
}
