/**
 * Text and JSON helpers shared by the format readers. shared/ has no TextDecoder in its types,
 * and the readers need a *strict* UTF-8 decoder anyway: a file with invalid bytes should be named
 * as such, not silently turned into U+FFFD.
 */
import { visibleText } from '../model/safeText';
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
 * Deepest nesting of arrays and objects a file may have. Every format here is a few levels
 * deep (a backup row about ten); a file nested deeper is not one of them, and a bound keeps the
 * code that walks the value from running out of stack.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * JSON.parse with a Chinese, located message, and strict where JSON.parse is lenient: a member
 * name that appears twice in one object is refused (JSON.parse keeps the last, so what a person
 * reads first and what a program uses could differ), and so is nesting deeper than `maxDepth`.
 * Strips a UTF-8 BOM, which Windows editors add when a secretary "just fixes one typo" in
 * Notepad.
 */
export function parseJsonText(text: string, file: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: { file, field: '', message: '文件是空的' } };
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (error) {
    return { ok: false, problem: syntaxProblem(body, file, error) };
  }
  const structure = jsonStructureProblem(body, maxDepth);
  if (structure) return { ok: false, problem: { file, ...structure } };
  return { ok: true, value };
}

function syntaxProblem(body: string, file: string, error: unknown): InputProblem {
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
    file,
    field: '',
    message: `不是有效的 JSON${where}，文件可能已损坏或被手工改坏`,
  };
}

/** One open object (its member names so far) or array (its element index) while scanning. */
interface Frame {
  /** Null in an array. A list while short (cheaper than a Set for the usual few names). */
  names: string[] | Set<string> | null;
  /** The member being read (objects) or the element's index (arrays). */
  at: string | number;
  /** In an object, the next string is a member name. */
  expectName: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A duplicate member name or too deep a nesting in `body`, which JSON.parse has accepted (so
 * it is well-formed and the scan can be simple). Strings are skipped with indexOf, which keeps
 * the scan within about JSON.parse's own time on large files, most of whose bytes are strings.
 * Iterative, so any depth is scanned without recursion.
 */
function jsonStructureProblem(
  body: string,
  maxDepth: number,
): { field: string; message: string } | null {
  const stack: Frame[] = [];
  let top: Frame | undefined;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    if (c === QUOTE) {
      let end = body.indexOf('"', i + 1);
      while (isEscaped(body, end)) end = body.indexOf('"', end + 1);
      if (top?.expectName) {
        const raw = body.slice(i + 1, end);
        const name = raw.includes('\\') ? (JSON.parse(body.slice(i, end + 1)) as string) : raw;
        if (hasName(top, name)) {
          return {
            field: jsonPath(stack, stack.length - 1),
            message: `成员“${visibleText(name)}”重复出现（同一对象中成员名称不能重复），文件可能被改动过，请重新导出`,
          };
        }
        top.at = name;
        top.expectName = false;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) {
        return {
          field: jsonPath(stack, stack.length),
          message: `嵌套超过 ${maxDepth} 层，不是评审台的文件格式`,
        };
      }
      top =
        c === 0x7b
          ? { names: new Set(), at: '', expectName: true }
          : { names: null, at: 0, expectName: false };
      stack.push(top);
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      top = stack[stack.length - 1];
    } else if (c === 0x2c && top) {
      if (top.names) top.expectName = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return null;
}

/** Whether the object `frame` already has `name`; records it if not. */
function hasName(frame: Frame, name: string): boolean {
  const names = frame.names!;
  if (Array.isArray(names)) {
    if (names.includes(name)) return true;
    names.push(name);
    if (names.length > 16) frame.names = new Set(names);
    return false;
  }
  if (names.has(name)) return true;
  names.add(name);
  return false;
}

/** An odd number of backslashes before the quote at `at` escapes it. */
function isEscaped(body: string, at: number): boolean {
  let k = at - 1;
  while (body.charCodeAt(k) === BACKSLASH) k--;
  return (at - 1 - k) % 2 === 1;
}

/** The path of the value the first `count` frames lead to, as problems write it: `a.b[0]`. */
function jsonPath(stack: readonly Frame[], count: number): string {
  let path = '';
  for (const frame of stack.slice(0, count)) {
    path +=
      typeof frame.at === 'number' ? `[${frame.at}]` : `${path ? '.' : ''}${visibleText(frame.at)}`;
  }
  return path;
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
