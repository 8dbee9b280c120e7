import type { Aggregation } from '@shared/model/roundPackage';
import { percent } from '@shared/rounds/roundSettings';
import { useI18n } from '../../i18n/I18nProvider';
import { Field, readNumber, shownNumber } from './Field';
import type { SectionProps } from './sectionProps';

const METHODS: Aggregation['method'][] = ['trimmed-mean', 'mean', 'median'];

/** 汇总规则: method, trim threshold, minimum valid sheets per packet, deviation flag. */
export function AggregationFields({
  draft,
  onChange,
  problems,
  panelSize,
  rubricMax,
}: SectionProps & { panelSize: number; rubricMax: number }) {
  const { t } = useI18n();
  const a = draft.aggregation;
  const setAggregation = (patch: Partial<Aggregation>) =>
    onChange({ ...draft, aggregation: { ...a, ...patch } });
  const flagPoints =
    Number.isFinite(a.deviationFlag) && a.deviationFlag > 0
      ? String(Math.round(a.deviationFlag * rubricMax * 100) / 100)
      : '—';
  return (
    <fieldset className="settings-section">
      <legend>{t.settings.aggregation}</legend>
      <Field id="settings-method" label={t.settings.method}>
        {(control) => (
          <select
            {...control}
            value={a.method}
            onChange={(e) => setAggregation({ method: e.target.value as Aggregation['method'] })}
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t.settings.methods[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {a.method === 'trimmed-mean' && (
        <Field
          id="settings-trim"
          label={t.settings.trimWhenAtLeast}
          hint={t.settings.trimHint}
          error={problems.trimWhenAtLeast}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={3}
              step={1}
              value={shownNumber(a.trimWhenAtLeast)}
              onChange={(e) =>
                setAggregation({ trimWhenAtLeast: readNumber(e.target.value) ?? Number.NaN })
              }
            />
          )}
        </Field>
      )}
      <Field
        id="settings-min-sheets"
        label={t.settings.minValidSheets}
        hint={t.settings.minHint(panelSize)}
        error={problems.minValidSheets}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={panelSize}
            step={1}
            value={shownNumber(draft.minValidSheets)}
            onChange={(e) =>
              onChange({ ...draft, minValidSheets: readNumber(e.target.value) ?? Number.NaN })
            }
          />
        )}
      </Field>
      <Field
        id="settings-deviation"
        label={t.settings.deviationFlag}
        hint={t.settings.deviationHint(flagPoints)}
        error={problems.deviationFlag}
      >
        {(control) => (
          <span className="settings-unit">
            <input
              {...control}
              type="number"
              min={1}
              max={100}
              step={1}
              value={shownNumber(
                Number.isFinite(a.deviationFlag) ? percent(a.deviationFlag) : Number.NaN,
              )}
              onChange={(e) => {
                const value = readNumber(e.target.value);
                setAggregation({ deviationFlag: value === null ? Number.NaN : value / 100 });
              }}
            />
            %
          </span>
        )}
      </Field>
    </fieldset>
  );
}
