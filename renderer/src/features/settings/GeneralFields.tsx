import {
  MAX_BATCH,
  MAX_YEAR,
  MIN_YEAR,
  PROGRAMME_NAMES,
  programmeName,
  yearBatchLabel,
  type RoundSettings,
} from '@shared/rounds/roundSettings';
import { useI18n } from '../../i18n/I18nProvider';
import { Field, readNumber, shownNumber } from './Field';
import type { SectionProps } from './sectionProps';

/** 基本信息: title, year and batch, programme by its name, and the rubric (read-only). */
export function GeneralFields({
  draft,
  onChange,
  problems,
  rubricTitle,
}: SectionProps & { rubricTitle: string }) {
  const { t } = useI18n();
  const set = (patch: Partial<RoundSettings>) => onChange({ ...draft, ...patch });
  const label = yearBatchLabel(
    draft.year !== null && Number.isInteger(draft.year) ? draft.year : null,
    draft.batch,
  );
  const programmes = Object.keys(PROGRAMME_NAMES);
  return (
    <fieldset className="settings-section">
      <legend>{t.settings.general}</legend>
      <Field id="settings-title" label={t.settings.roundTitle} error={problems.title}>
        {(control) => (
          <input
            {...control}
            type="text"
            className="settings-wide"
            value={draft.title}
            maxLength={220}
            onChange={(e) => set({ title: e.target.value })}
          />
        )}
      </Field>
      <Field
        id="settings-year"
        label={t.settings.year}
        hint={label ? `${t.settings.yearHint}。${t.settings.shownAs(label)}` : t.settings.yearHint}
        error={problems.year}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={MIN_YEAR}
            max={MAX_YEAR}
            step={1}
            value={shownNumber(draft.year)}
            onChange={(e) => set({ year: readNumber(e.target.value) })}
          />
        )}
      </Field>
      <Field id="settings-batch" label={t.settings.batch} error={problems.batch}>
        {(control) => (
          <select
            {...control}
            value={draft.batch === null ? '' : String(draft.batch)}
            onChange={(e) => set({ batch: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{t.settings.batchNone}</option>
            {Array.from({ length: MAX_BATCH }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {yearBatchLabel(null, i + 1)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="settings-programme" label={t.settings.programme}>
        {(control) => (
          <select
            {...control}
            value={draft.programme}
            onChange={(e) => set({ programme: e.target.value })}
          >
            {!programmes.includes(draft.programme) && (
              <option value={draft.programme}>
                {draft.programme === ''
                  ? programmeName('')
                  : t.settings.programmeUnknown(draft.programme)}
              </option>
            )}
            {programmes.map((id) => (
              <option key={id} value={id}>
                {programmeName(id)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="settings-rubric" label={t.settings.rubric} hint={t.settings.rubricHint}>
        {(control) => (
          <output {...control} className="settings-readonly">
            {rubricTitle}
          </output>
        )}
      </Field>
    </fieldset>
  );
}
