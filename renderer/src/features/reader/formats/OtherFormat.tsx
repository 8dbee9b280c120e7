import type { AttachmentRow } from '../../../data/rows';
import { useI18n } from '../../../i18n/I18nProvider';
import type { OtherKind } from './detectFormat';
import { SaveAsButton } from './SaveAsButton';

/**
 * A file the app does not show (a .doc, an archive, an unknown or broken file): what it is, that
 * it cannot be shown here, and 另存为 to open it with another program.
 */
export function OtherFormat({
  attachment,
  what,
  reason,
}: {
  attachment: AttachmentRow;
  what?: OtherKind;
  reason?: string;
}) {
  const { t } = useI18n();
  const f = t.formats;
  return (
    <div className="format-other" role="status" data-testid="format-other">
      <p className="format-other-title">
        {reason !== undefined ? f.failed(attachment.name, reason) : f.cannotShow}
      </p>
      {reason === undefined && <p>{f.kindOf(f.other[what ?? 'binary'] ?? f.other.binary!)}</p>}
      <p>{f.saveHint}</p>
      <SaveAsButton attachment={attachment} />
    </div>
  );
}
