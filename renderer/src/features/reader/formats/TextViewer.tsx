import { formatBytes } from '@shared/formats/zip';
import { useI18n } from '../../../i18n/I18nProvider';
import type { TextEncodingName } from './openAttachment';

/** Plain text (also .md, .json, .xml, .html): shown as text in a <pre>, never interpreted. */
export function TextViewer({
  text,
  encoding,
  cutAt,
  size,
}: {
  text: string;
  encoding: TextEncodingName;
  cutAt: number | null;
  size: number;
}) {
  const { t } = useI18n();
  const f = t.formats.text;
  return (
    <div className="format-text">
      <p className="format-note">{f.encoding(encoding)}</p>
      {cutAt !== null && (
        <p className="format-note warn">{f.cut(formatBytes(cutAt), formatBytes(size))}</p>
      )}
      <pre data-testid="format-text">{text}</pre>
    </div>
  );
}
