import qrcode from 'qrcode-generator';

/**
 * The QR code of `text` as rows of dark (true) and light modules, without the quiet zone.
 * qrcode-generator is pure JavaScript (no eval, no canvas), so it runs under the app's CSP; the
 * picture is drawn by QrCode.tsx as inline SVG. Level M survives a smudged or folded printout.
 */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col)),
  );
}

/** One SVG path for the dark modules: small markup however many pages carry it. */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return parts.join('');
}
