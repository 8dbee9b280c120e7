import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useServices } from '../../app/AppServices';
import { useFieldSession, useSessions } from '../../app/Sessions';
import {
  addSitePhoto,
  deleteSitePhoto,
  photosForSite,
} from '../../data/repositories/inspectionRepository';
import { mimeFor } from '../../data/repositories/roundRepository';
import type { SitePhotoRow } from '../../data/rows';
import { formatDateTime } from '../../app/format/dateTime';
import { useI18n } from '../../i18n/I18nProvider';
import { CameraCapture } from './CameraCapture';

const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'bmp'];

const pad = (n: number) => String(n).padStart(2, '0');
const photoName = (at: Date, ext: string) =>
  `现场照片-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}.${ext}`;

/** A site's photos: from the laptop camera or from files, stored as Blobs with the time taken. */
export function SitePhotos({ roundId, packetId }: { roundId: string; packetId: string }) {
  const { t } = useI18n();
  const { db, platform } = useServices();
  const { guard } = useSessions();
  const session = useFieldSession(roundId);
  const photos = useLiveQuery(() => photosForSite(db, roundId, packetId), [db, roundId, packetId]);
  const [camera, setCamera] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function store(blob: Blob, name: string, source: SitePhotoRow['source'], takenAt: Date) {
    setError(null);
    try {
      await guard(() =>
        addSitePhoto(db, session, { roundId, packetId, blob, name, source, takenAt }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function fromFiles() {
    const files = await platform.openFiles({
      title: t.inspection.pickPhotoTitle,
      filters: [{ name: t.inspection.photoFilter, extensions: PHOTO_EXTENSIONS }],
      multiple: true,
    });
    for (const file of files) {
      const blob = new Blob([file.bytes as BlobPart], { type: mimeFor(file.name) });
      await store(blob, file.name, 'file', new Date());
    }
  }

  return (
    <section className="route-photos" aria-label={`${packetId} ${t.inspection.photos}`}>
      <h3>{t.inspection.photos}</h3>
      <div className="route-actions">
        <button type="button" className="button" onClick={() => setCamera(true)} disabled={camera}>
          {t.inspection.takePhoto}
        </button>{' '}
        <button type="button" className="button" onClick={() => void fromFiles()}>
          {t.inspection.addPhotoFile}
        </button>
      </div>
      {camera && (
        <CameraCapture
          onCapture={(blob, at) => void store(blob, photoName(at, 'jpg'), 'camera', at)}
          onClose={() => setCamera(false)}
        />
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {photos && photos.length === 0 && <p className="muted small">{t.inspection.noPhotos}</p>}
      <ul className="photo-grid">
        {photos?.map((photo) => (
          <PhotoThumb
            key={photo.id}
            photo={photo}
            onDelete={() => void guard(() => deleteSitePhoto(db, session, roundId, photo.id))}
          />
        ))}
      </ul>
    </section>
  );
}

function PhotoThumb({ photo, onDelete }: { photo: SitePhotoRow; onDelete: () => void }) {
  const { t, language } = useI18n();
  const url = useMemo(() => URL.createObjectURL(photo.blob), [photo.blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const at = formatDateTime(photo.takenAt, language);
  return (
    <li className="photo-thumb" data-testid="site-photo">
      <figure>
        <img src={url} alt={photo.name} />
        <figcaption>
          <span className="small">{photo.name}</span>
          <span className="muted small">{t.inspection.photoTaken(at, photo.source)}</span>
        </figcaption>
      </figure>
      <button
        type="button"
        className="link-button small"
        aria-label={t.inspection.deletePhoto(photo.name)}
        onClick={onDelete}
      >
        ✕
      </button>
    </li>
  );
}
