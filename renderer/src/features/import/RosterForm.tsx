import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { PickedFile } from '@shared/platform/Platform';
import type { RosterPreview, RosterPreviewInput } from '@shared/roster/rosterPreview';
import { BUILT_IN_RUBRICS, builtInRubric } from '@shared/rubrics/builtInRubrics';
import { useServices } from '../../app/AppServices';
import { useI18n } from '../../i18n/I18nProvider';
import { RosterCheck } from './RosterCheck';
import type { useRoundImport } from './useRoundImport';
import './rosterForm.css';

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

interface Sources {
  projects: PickedFile | null;
  experts: PickedFile | null;
  rubricKey: string;
  typedExperts: string;
}

function inputFor(sources: Sources, title?: string): RosterPreviewInput | null {
  if (!sources.projects) return null;
  return {
    projects: sources.projects,
    experts: sources.experts,
    builtIn: builtInRubric(sources.rubricKey)!,
    extraExperts: parseExpertLines(sources.typedExperts),
    title,
  };
}

/** SheetJS is large and only needed here: the roster code loads on demand. */
async function preview(input: RosterPreviewInput): Promise<RosterPreview> {
  const { previewRoster } = await import('@shared/roster/rosterPreview');
  return previewRoster(input);
}

/**
 * 从名单创建: the projects roster, the experts roster (or the projects workbook's 专家名单
 * sheet) and a built-in rubric. Before anything is stored the form shows how every column is
 * read, every refused row, the offered title and the round id; 创建评审 appears only when no row
 * is refused. Plain form controls, so Tab, Enter and Escape work.
 */
export function RosterForm({
  importer,
  onClose,
}: {
  importer: ReturnType<typeof useRoundImport>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const r = t.rosterImport;
  const { platform } = useServices();
  const [sources, setSources] = useState<Sources>({
    projects: null,
    experts: null,
    rubricKey: BUILT_IN_RUBRICS[0]!.key,
    typedExperts: '',
  });
  const [typed, setTyped] = useState('');
  const [checked, setChecked] = useState<RosterPreview | null>(null);
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the latest reading is shown: a slower earlier one must not overwrite it.
  const latest = useRef(0);

  /** Read the rosters again with `change` applied (a file, the rubric or the typed experts). */
  async function update(change: Partial<Sources>) {
    const next = { ...sources, ...change };
    setSources(next);
    setError(null);
    const input = inputFor(next);
    if (!input) return;
    const request = ++latest.current;
    setBusy(true);
    try {
      const result = await preview(input);
      if (request !== latest.current) return;
      setChecked(result);
      if (result.ok && !titleEdited) setTitle(result.suggestedTitle);
    } catch (e) {
      importer.fail(e);
    } finally {
      if (request === latest.current) setBusy(false);
    }
  }

  async function choose(which: 'projects' | 'experts') {
    const [picked] = await platform.openFiles({
      title: which === 'projects' ? r.pickProjects : r.pickExperts,
      filters: [{ name: r.filterName, extensions: ['xlsx', 'xls', 'csv'] }],
      multiple: false,
    });
    if (picked) await update({ [which]: picked });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError(r.needTitle);
    const input = inputFor(sources, title);
    if (!input) return;
    setError(null);
    const request = ++latest.current;
    setBusy(true);
    try {
      const result = await preview(input);
      setChecked(result);
      if (!result.ok || !result.round) return;
      onClose();
      await importer.store(result.round, input.projects.name);
    } catch (e) {
      importer.fail(e);
    } finally {
      if (request === latest.current) setBusy(false);
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
  };

  const creatable = checked?.ok === true && checked.round !== null;

  return (
    <form
      className="card roster-form"
      aria-label={r.title}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <h2>{r.title}</h2>
      <p className="muted">{r.hint}</p>
      <div className="roster-files">
        <FileRow
          label={r.projectsFile}
          pick={r.pickProjects}
          file={sources.projects}
          choose={() => void choose('projects')}
          autoFocus
        />
        <FileRow
          label={r.expertsFile}
          pick={r.pickExperts}
          file={sources.experts}
          hint={r.expertsOptional}
          choose={() => void choose('experts')}
        />
        <label className="roster-row">
          <span>{r.rubric}</span>
          <select
            value={sources.rubricKey}
            onChange={(e) => void update({ rubricKey: e.target.value })}
          >
            {BUILT_IN_RUBRICS.map((b) => (
              <option key={b.key} value={b.key}>
                {b.label}（{b.rubric.title}）
              </option>
            ))}
          </select>
        </label>
      </div>
      <details className="roster-typed">
        <summary>{r.typedExperts}</summary>
        <label className="roster-row">
          <span>{r.typedExpertsLabel}</span>
          <textarea
            rows={3}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={() => {
              if (typed !== sources.typedExperts) void update({ typedExperts: typed });
            }}
          />
        </label>
      </details>
      {busy && !checked && (
        <p className="muted" role="status">
          {r.reading}
        </p>
      )}
      {checked && (
        <RosterCheck
          checked={checked}
          title={title}
          onTitle={(value) => {
            setTitle(value);
            setTitleEdited(true);
          }}
        />
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {creatable && (
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? r.creating : r.create}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {r.cancel}
        </button>
      </div>
    </form>
  );
}

function FileRow({
  label,
  pick,
  file,
  hint,
  choose,
  autoFocus = false,
}: {
  label: string;
  /** The button's text: 选择项目名单… */
  pick: string;
  file: PickedFile | null;
  hint?: string;
  choose: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="roster-row">
      <span>{label}</span>
      <div className="roster-file">
        {/* The form opens on request, so focus belongs in it. The chosen file (or the hint) is
            read out with the button. */}
        <button
          type="button"
          className="button"
          onClick={choose}
          autoFocus={autoFocus}
          aria-describedby={`${id}-file ${id}-hint`}
        >
          {pick}…
        </button>
        <span className="roster-file-name" id={`${id}-file`}>
          {file ? file.name : t.rosterImport.noFile}
        </span>
        {hint && !file && (
          <span className="muted small" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </div>
    </div>
  );
}
