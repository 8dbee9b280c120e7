import type { Rubric, VetoRule } from '@shared/model/rubric';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from './sectionProps';

const RULES: VetoRule[] = ['any', 'majority'];

/** 否决项: each veto's own rule, as a pair of radio buttons (arrow keys move between them). */
export function VetoRuleFields({ draft, onChange, rubric }: SectionProps & { rubric: Rubric }) {
  const { t } = useI18n();
  return (
    <fieldset className="settings-section">
      <legend>{t.settings.vetoes}</legend>
      {rubric.vetoes.length === 0 ? (
        <p className="muted">{t.settings.noVetoes}</p>
      ) : (
        <>
          <p className="settings-hint">{t.settings.vetoesHint}</p>
          {rubric.vetoes.map((veto) => (
            <fieldset
              key={veto.id}
              className="settings-veto"
              data-testid={`settings-veto-${veto.id}`}
            >
              <legend>{veto.title}</legend>
              {RULES.map((rule) => (
                <label key={rule} className="checkbox">
                  <input
                    type="radio"
                    name={`settings-veto-${veto.id}`}
                    value={rule}
                    checked={draft.vetoRules[veto.id] === rule}
                    onChange={() =>
                      onChange({ ...draft, vetoRules: { ...draft.vetoRules, [veto.id]: rule } })
                    }
                  />
                  {t.settings.vetoRules[rule]}
                </label>
              ))}
            </fieldset>
          ))}
        </>
      )}
    </fieldset>
  );
}
