import { useState } from 'react';
import type { Rubric } from '@shared/model/rubric';
import { useI18n } from '../../i18n/I18nProvider';
import type { SectionProps } from './sectionProps';

/** 同分时的排序: an ordered list of criteria, moved with buttons, added from a list. */
export function TieBreakFields({
  draft,
  onChange,
  problems,
  rubric,
}: SectionProps & { rubric: Rubric }) {
  const { t } = useI18n();
  const criteria = rubric.sections.flatMap((s) => s.criteria);
  const title = new Map(criteria.map((c) => [c.id, c.title]));
  const order = draft.aggregation.tieBreak;
  const left = criteria.filter((c) => !order.includes(c.id));
  const [pick, setPick] = useState('');
  const setOrder = (tieBreak: string[]) =>
    onChange({ ...draft, aggregation: { ...draft.aggregation, tieBreak } });
  const move = (i: number, by: number) => {
    const next = [...order];
    const [id] = next.splice(i, 1);
    next.splice(i + by, 0, id!);
    setOrder(next);
  };
  const chosen = left.some((c) => c.id === pick) ? pick : (left[0]?.id ?? '');

  return (
    <fieldset className="settings-section">
      <legend>{t.settings.tieBreak}</legend>
      <p className="settings-hint" id="settings-tiebreak-hint">
        {t.settings.tieBreakHint}
      </p>
      {order.length === 0 ? (
        <p className="muted">{t.settings.tieBreakNone}</p>
      ) : (
        <ol className="settings-tiebreak" data-testid="settings-tiebreak">
          {order.map((id, i) => (
            <li key={id}>
              <span>{title.get(id) ?? id}</span>
              <span className="settings-row-actions">
                <button
                  type="button"
                  className="link-button"
                  disabled={i === 0}
                  aria-label={`${t.settings.moveUp}：${title.get(id) ?? id}`}
                  onClick={() => move(i, -1)}
                >
                  {t.settings.moveUp}
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={i === order.length - 1}
                  aria-label={`${t.settings.moveDown}：${title.get(id) ?? id}`}
                  onClick={() => move(i, 1)}
                >
                  {t.settings.moveDown}
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${t.settings.remove}：${title.get(id) ?? id}`}
                  onClick={() => setOrder(order.filter((x) => x !== id))}
                >
                  {t.settings.remove}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {problems.tieBreak && <p className="settings-error">{problems.tieBreak}</p>}
      {left.length > 0 && (
        <div className="settings-add">
          <select
            aria-label={t.settings.pickCriterion}
            value={chosen}
            onChange={(e) => setPick(e.target.value)}
          >
            {left.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => setOrder([...order, chosen])}>
            {t.settings.addTieBreak}
          </button>
        </div>
      )}
    </fieldset>
  );
}
