import type { Quota } from '@shared/model/roundPackage';
import {
  categoriesDivideGroups,
  groupUnder,
  groupsUnder,
  programmeName,
  programmeSplitsByCategory,
  quotasForGroups,
  type GroupedPacket,
} from '@shared/rounds/roundSettings';
import { useI18n } from '../../i18n/I18nProvider';
import { readNumber, shownNumber } from './Field';
import type { SectionProps } from './sectionProps';

/**
 * 分组与名额: the groups the packets form (split by 类别 or not) and, per group, whether it has a
 * quota and how many 入选 and 备选. Quota groups no packet forms (先进市(州)) are listed too.
 */
export function QuotaFields({
  draft,
  onChange,
  problems,
  packets,
}: SectionProps & { packets: GroupedPacket[] }) {
  const { t } = useI18n();
  const split = draft.splitByCategory;
  const groups = groupsUnder(packets, split);
  for (const q of draft.quotas) if (!groups.includes(q.group)) groups.push(q.group);
  const canSplit = split || categoriesDivideGroups(packets);
  const required = programmeSplitsByCategory(draft.programme) && canSplit && !split;
  const quotaOf = (group: string) => draft.quotas.find((q) => q.group === group);
  const setQuota = (group: string, quota: Quota | null) => {
    const others = draft.quotas.filter((q) => q.group !== group);
    const next = quota ? [...draft.quotas.filter((q) => q.group !== group), quota] : others;
    // Keep the order of the groups, so the results list groups as this table does.
    next.sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group));
    onChange({ ...draft, quotas: next });
  };
  const number = (text: string) => readNumber(text) ?? Number.NaN;

  return (
    <fieldset className="settings-section">
      <legend>{t.settings.grouping}</legend>
      {canSplit && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={split}
            onChange={(e) =>
              onChange({
                ...draft,
                splitByCategory: e.target.checked,
                quotas: quotasForGroups(draft.quotas, packets, e.target.checked),
              })
            }
          />
          {t.settings.splitByCategory}
        </label>
      )}
      {required && (
        <p className="settings-warning" role="status">
          {t.settings.splitRequired(programmeName(draft.programme))}
        </p>
      )}
      <p className="settings-hint">{t.settings.quotaHint}</p>
      <table className="settings-quotas">
        <thead>
          <tr>
            <th scope="col">{t.settings.groupHeader}</th>
            <th scope="col">{t.settings.packetsHeader}</th>
            <th scope="col">{t.settings.quotaHeader}</th>
            <th scope="col">{t.settings.countHeader}</th>
            <th scope="col">{t.settings.reserveHeader}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const quota = quotaOf(group);
            const name = group || t.settings.ungrouped;
            const count = packets.filter((p) => groupUnder(p, split) === group).length;
            const errors = [problems[`quota:${group}:count`], problems[`quota:${group}:reserve`]]
              .filter(Boolean)
              .join('；');
            const errorId = `settings-quota-${groups.indexOf(group)}-error`;
            return (
              <tr key={group} data-testid={`settings-quota-${group}`}>
                <th scope="row">
                  {name}
                  {errors && (
                    <p id={errorId} className="settings-error">
                      {errors}
                    </p>
                  )}
                </th>
                <td className="number">{count}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t.settings.quotaFor(name)}
                    checked={quota !== undefined}
                    onChange={(e) =>
                      setQuota(group, e.target.checked ? { group, count: 1, reserve: 0 } : null)
                    }
                  />
                </td>
                {(['count', 'reserve'] as const).map((part) => (
                  <td key={part}>
                    {quota && (
                      <input
                        type="number"
                        min={0}
                        step={1}
                        aria-label={
                          part === 'count' ? t.settings.countFor(name) : t.settings.reserveFor(name)
                        }
                        aria-invalid={Boolean(problems[`quota:${group}:${part}`])}
                        aria-describedby={errors ? errorId : undefined}
                        value={shownNumber(quota[part])}
                        onChange={(e) =>
                          setQuota(group, { ...quota, [part]: number(e.target.value) })
                        }
                      />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
