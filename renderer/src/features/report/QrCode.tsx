import { useMemo } from 'react';
import { qrMatrix, qrPath } from './qrMatrix';

/** Inline SVG QR code: prints sharp at any size, needs no image URL or canvas. */
export function QrCode({ text, size, label }: { text: string; size: string; label: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  const quiet = 4;
  const extent = matrix.length + quiet * 2;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${extent} ${extent}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={extent} height={extent} fill="#fff" />
      <path d={qrPath(matrix)} fill="#000" />
    </svg>
  );
}
