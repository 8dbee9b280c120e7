/**
 * Text and JSON helpers shared by the format readers. shared/ has no TextDecoder in its types,
 * and the readers need a *strict* UTF-8 decoder anyway: a file with invalid bytes should be named
 * as such, not silently turned into U+FFFD.
 */
import type { InputProblem } from '../model/validation';

/** Strict UTF-8 decode; returns null for invalid input (overlongs, surrogates, truncation). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const parts: string[] = [];
  let units: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    let codePoint: number;
    let length: number;
    if (b0 < 0x80) {
      codePoint = b0;
      length = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      codePoint = b0 & 0x1f;
      length = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      codePoint = b0 & 0x0f;
      length = 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      codePoint = b0 & 0x07;
      length = 4;
    } else {
      return null;
    }
    if (i + length > bytes.length) return null;
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) return null;
      codePoint = (codePoint << 6) | (b & 0x3f);
    }
    if (
      (length === 3 && (codePoint < 0x800 || (codePoint >= 0xd800 && codePoint <= 0xdfff))) ||
      (length === 4 && (codePoint < 0x10000 || codePoint > 0x10ffff))
    ) {
      return null;
    }
    if (codePoint >= 0x10000) {
      const v = codePoint - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else {
      units.push(codePoint);
    }
    i += length;
    // String.fromCharCode takes its arguments on the stack: flush in bounded chunks.
    if (units.length >= 8192) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: InputProblem };

/**
 * JSON.parse with a Chinese, located message. Strips a UTF-8 BOM, which Windows editors add
 * when a secretary "just fixes one typo" in Notepad.
 */
export function parseJsonText(text: string, file: string): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: { file, field: '', message: '文件是空的' } };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    const position = /position (\d+)/.exec(detail);
    let where = '';
    if (position) {
      const before = body.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = `：第 ${line} 行第 ${column} 列附近有语法错误`;
    } else if (/end of (JSON )?input/i.test(detail)) {
      where = '：内容不完整（文件可能被截断）';
    }
    return {
      ok: false,
      problem: { file, field: '', message: `不是有效的 JSON${where}，文件可能已损坏或被手工改坏` },
    };
  }
}

/** Decode bytes as UTF-8 and parse them as JSON, each failure as one located problem. */
export function parseJsonBytes(bytes: Uint8Array, file: string): JsonResult {
  const text = decodeUtf8(bytes);
  if (text === null) {
    return {
      ok: false,
      problem: {
        file,
        field: '',
        message: '文件不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 后重试',
      },
    };
  }
  return parseJsonText(text, file);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
