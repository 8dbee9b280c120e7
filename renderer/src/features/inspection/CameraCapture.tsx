import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/** getUserMedia, or null where the platform has none (an insecure context, no devices API). */
function cameraApi(): MediaDevices | null {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  return typeof media?.getUserMedia === 'function' ? media : null;
}

type CameraState = { kind: 'starting' } | { kind: 'live' } | { kind: 'failed'; message: string };

/**
 * The laptop camera, video only: getUserMedia → <video> → canvas → JPEG Blob. In the desktop app
 * only this request is granted (electron/main/mediaPermission.ts); in a browser the browser asks.
 * The camera is released when the panel closes.
 */
export function CameraCapture({
  onCapture,
  onClose,
}: {
  onCapture: (blob: Blob, takenAt: Date) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>(() =>
    cameraApi() ? { kind: 'starting' } : { kind: 'failed', message: t.inspection.cameraMissing },
  );

  useEffect(() => {
    let cancelled = false;
    const media = cameraApi();
    if (!media) return;
    media
      .getUserMedia({ video: true, audio: false })
      .then(async (s) => {
        if (cancelled) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream.current = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => undefined);
        }
        setState({ kind: 'live' });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const name = error instanceof Error ? error.name : '';
        setState({
          kind: 'failed',
          message:
            name === 'NotAllowedError' || name === 'SecurityError'
              ? t.inspection.cameraDenied
              : name === 'NotFoundError' || name === 'OverconstrainedError'
                ? t.inspection.cameraMissing
                : t.inspection.cameraFailed(error instanceof Error ? error.message : String(error)),
        });
      });
    return () => {
      cancelled = true;
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = null;
    };
  }, [t]);

  function capture() {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    const takenAt = new Date();
    canvas.toBlob((blob) => blob && onCapture(blob, takenAt), 'image/jpeg', 0.9);
  }

  return (
    <div className="camera-capture">
      {state.kind === 'failed' ? (
        <p className="banner error" role="alert">
          {state.message}
        </p>
      ) : (
        <>
          <video ref={video} muted playsInline aria-label={t.inspection.takePhoto} />
          {state.kind === 'starting' && <p className="muted">{t.inspection.cameraStarting}</p>}
        </>
      )}
      <div className="route-actions">
        <button
          type="button"
          className="button primary"
          onClick={capture}
          disabled={state.kind !== 'live'}
        >
          {t.inspection.capture}
        </button>{' '}
        <button type="button" className="button" onClick={onClose}>
          {t.inspection.closeCamera}
        </button>
      </div>
    </div>
  );
}
