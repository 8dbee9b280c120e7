import type { PacketRow } from '../../data/rows';
import { useI18n } from '../../i18n/I18nProvider';

/** The applicant and application fields of a packet, as the expert reads them. */
export function PacketDetails({ packet }: { packet: PacketRow }) {
  const { t } = useI18n();
  const location = [packet.applicant.city, packet.applicant.county].filter(Boolean).join(' ');
  return (
    <section aria-label={t.packets.fields}>
      <dl className="fields">
        <dt>{t.packets.applicant}</dt>
        <dd>{packet.applicant.name}</dd>
        {location && (
          <>
            <dt>{t.packets.location}</dt>
            <dd>{location}</dd>
          </>
        )}
        {packet.applicant.type && (
          <>
            <dt>{t.packets.applicantType}</dt>
            <dd>{packet.applicant.type}</dd>
          </>
        )}
        {packet.group && (
          <>
            <dt>{t.packets.group}</dt>
            <dd>{packet.group}</dd>
          </>
        )}
        {packet.category && (
          <>
            <dt>{t.packets.category}</dt>
            <dd>{packet.category}</dd>
          </>
        )}
        {Object.entries(packet.fields).map(([label, value]) => (
          <div key={label} className="field-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
