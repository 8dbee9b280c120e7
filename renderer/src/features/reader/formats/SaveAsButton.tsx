import { useState } from 'react';
import { useServices } from '../../../app/AppServices';
import type { AttachmentRow } from '../../../data/rows';
import { useI18n } from '../../../i18n/I18nProvider';
import { extensionOf } from './detectFormat';

/** 另存为: hands the attachment's bytes to another program through the platform's save dialog. */
export function SaveAsButton({ attachment }: { attachment: AttachmentRow }) {
  const { t } = useI18n();
  const { platform } = useServices();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const f = t.formats;

  async function save() {
    setMessage(null);
    try {
      const extension = extensionOf(attachment.name);
      const outcome = await platform.saveFile({
        title: f.saveTitle,
        suggestedName: attachment.name,
        filters: extension
          ? [{ name: `.${extension}`, extensions: [extension] }]
          : [{ name: f.allFiles, extensions: ['*'] }],
        bytes: new Uint8Array(await attachment.blob.arrayBuffer()),
      });
      if (outcome.saved) setMessage({ ok: true, text: f.saved(outcome.location) });
    } catch (e) {
      setMessage({ ok: false, text: f.saveFailed(e instanceof Error ? e.message : String(e)) });
    }
  }

  return (
    <div className="format-save">
      <button type="button" className="button" onClick={() => void save()}>
        {f.saveAs}
      </button>
      {message && (
        <p
          className={message.ok ? 'banner success' : 'banner error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
