/**
 * Text as a spreadsheet cell can hold it, applied to every text field before it enters the
 * signed payload, so that the payload says exactly what the cell says and a re-save by Calc or
 * Excel leaves it unchanged:
 * - CR LF and lone CR become LF: XML parsers and Calc drop CR, so it would not survive a re-save;
 * - other C0 controls (except tab and LF), U+FFFE/U+FFFF and unpaired surrogates become U+FFFD:
 *   XML 1.0 cannot carry them and canonical JSON refuses unpaired surrogates.
 * Nothing else changes: leading = + - @, tab, spaces and non-BMP characters are kept as written
 * (they are safe because every text cell is a string cell, never a formula).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, '\ufffd');
}

/**
 * Split text into pieces of at most `length` UTF-16 code units without cutting a surrogate pair
 * (half a pair in each cell would not be valid text in either).
 */
export function chunkText(text: string, length: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + length, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
