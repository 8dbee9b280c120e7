/**
 * The smallest valid PDF and PNG files we can make in pure code, so the demo round has real
 * attachments for the in-app viewer without shipping binary assets.
 */
import { zlibSync } from 'fflate';
import { concatBytes } from '@noble/hashes/utils.js';
import { crc32 } from '../formats/zip';

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** PDF literal strings need (, ) and \ escaped; the standard fonts only cover Latin-1. */
function pdfText(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
}

/** UTF-16BE hex string with BOM: how a PDF carries a Chinese title in its document info. */
function pdfUnicodeHex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/**
 * A one-page PDF 1.4 with `lines` in Helvetica (ASCII only: CJK glyphs would need an embedded
 * font) and `title` (any Unicode) in the document info. The xref offsets are computed from the
 * bytes actually written, which is what makes the file valid rather than "repairable".
 */
export function makeTinyPdf(title: string, lines: string[], padBytes = 0, seed = 1): Uint8Array {
  const content = [
    'BT',
    '/F1 14 Tf',
    '72 770 Td',
    '18 TL',
    ...lines.map((line) => `(${pdfText(line)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfUnicodeHex(title)} /Producer (Review Desk demo) >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const parts = [ascii(body)];
  let length = body.length;
  if (padBytes > 0) {
    // Benchmark packages need attachments of a chosen size: an unreferenced stream of
    // pseudo-random (so incompressible, like real scans) bytes, deterministic per seed.
    const filler = new Uint8Array(padBytes);
    let x = seed >>> 0 || 1;
    for (let i = 0; i < padBytes; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      filler[i] = x & 0xff;
    }
    offsets.push(length);
    const head = ascii(`${offsets.length} 0 obj\n<< /Length ${padBytes} >>\nstream\n`);
    const tail = ascii('\nendstream\nendobj\n');
    parts.push(head, filler, tail);
    length += head.length + padBytes + tail.length;
  }
  const xrefOffset = length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space + LF.
  let trailer = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) trailer += `${String(offset).padStart(10, '0')} 00000 n \n`;
  trailer += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Info 6 0 R >>\n`;
  trailer += `startxref\n${xrefOffset}\n%%EOF\n`;
  parts.push(ascii(trailer));
  return concatBytes(...parts);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  const view = new DataView(head.buffer);
  view.setUint32(0, data.length);
  head.set(ascii(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concatBytes(ascii(type), data)));
  return concatBytes(head, data, crc);
}

/** An RGB PNG: `width`×`height`, a solid colour with a darker band, like a placeholder photo. */
export function makeTinyPng(
  width: number,
  height: number,
  rgb: readonly [number, number, number],
): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter type None
    const shade = y >= height / 3 && y < (2 * height) / 3 ? 0.7 : 1;
    for (let x = 0; x < width; x++) {
      raw.set(
        rgb.map((c) => Math.round(c * shade)),
        row + 1 + x * 3,
      );
    }
  }
  return concatBytes(
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlibSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array()),
  );
}
