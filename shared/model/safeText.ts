/**
 * Characters no id, name or title may hold: C0 and C1 control characters (a terminal escape in a
 * title can clear a screen and print a fake "passed") and the bidi overrides and isolates, which
 * make text read differently from what it holds. Multi-line text (comments, guidance, reasons)
 * may hold tab and line feed, nothing else of these.
 */

/** Every C0 and C1 control (DEL included), U+202A–U+202E and U+2066–U+2069. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** The same, tab (U+0009) and line feed (U+000A) allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const codePoint = (char: string) =>
  `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character `text` may not hold, as `U+001B`, or null. */
export function unsafeCharacter(text: string, multiLine = false): string | null {
  const found = (multiLine ? UNSAFE_MULTI_LINE : UNSAFE_SINGLE_LINE).exec(text);
  return found ? codePoint(found[0]) : null;
}

/**
 * Why `text` may not stand in a field, or null. `multiLine` allows tab and line feed. The
 * message names the first offending character by its code point.
 */
export function unsafeTextProblem(text: string, multiLine = false): string | null {
  const found = (multiLine ? UNSAFE_MULTI_LINE : UNSAFE_SINGLE_LINE).exec(text);
  if (!found) return null;
  const char = found[0];
  const code = char.charCodeAt(0);
  if (code >= 0x2000) {
    return `含有改变文字显示方向的不可见字符（${codePoint(char)}），请删除后重新导出`;
  }
  if (!multiLine && (code === 0x09 || code === 0x0a || code === 0x0d)) {
    return `含有换行符或制表符（${codePoint(char)}），此处只能填写一行文字，请删除后重新导出`;
  }
  return `含有不可见的控制字符（${codePoint(char)}），请删除后重新导出`;
}

/**
 * `text` with every unsafe character shown as `\u{…}`, shortened to `max` characters: for
 * quoting input back in a message without letting it act on the screen.
 */
export function visibleText(text: string, max = 60): string {
  const shown = text.replace(
    new RegExp(UNSAFE_SINGLE_LINE.source, 'g'),
    (char) => `\\u{${char.charCodeAt(0).toString(16).toUpperCase()}}`,
  );
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
