import { useState } from 'react';
import { serializeExpertKeys } from '@shared/formats/expertKeys';
import { useServices } from '../../app/AppServices';
import { OutcomeBanner, type Outcome } from '../../app/components/OutcomeBanner';
import { expertKeysFileFor } from '../../data/repositories/expertKeyRepository';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../keys/keyErrors';

/** 导出专家公钥登记: the round's registered keys as a `review-desk/expert-keys@1` file. */
export function ExportRegistryButton({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const [message, setMessage] = useState<Outcome | null>(null);

  async function save() {
    setMessage(null);
    try {
      const file = await expertKeysFileFor(db, roundId);
      const outcome = await platform.saveFile({
        title: t.checkIn.saveTitle,
        suggestedName: `expert-keys-${roundId}.json`,
        filters: [{ name: t.checkIn.jsonFilter, extensions: ['json'] }],
        bytes: new TextEncoder().encode(serializeExpertKeys(file)),
      });
      if (outcome.saved) setMessage({ ok: true, text: t.checkIn.exported(outcome.location) });
    } catch (e) {
      setMessage({ ok: false, text: t.checkIn.failed(messageOf(e)) });
    }
  }

  return (
    <section className="panel-section" aria-labelledby="export-registry">
      <h2 id="export-registry">{t.checkIn.exportRegistry}</h2>
      <p className="muted">{t.checkIn.exportHint}</p>
      <details className="technical-details">
        <summary>{t.checkIn.exportDetails}</summary>
        <p className="muted small">{t.checkIn.exportTechnical}</p>
      </details>
      <button type="button" className="button" onClick={() => void save()}>
        {t.checkIn.exportRegistry}
      </button>
      <OutcomeBanner outcome={message} />
    </section>
  );
}
