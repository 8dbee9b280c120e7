/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * Score files and result workbooks are signed over these bytes, and the central system
 * re-derives them with its own JCS implementation, so every rule here is the RFC's, not ours:
 * object keys sorted by UTF-16 code units, numbers in ECMAScript Number::toString form, strings
 * with only the escapes JSON requires (everything else, non-BMP characters included, literal).
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
  constructor(
    message: string,
    /** Where in the value, e.g. `$.sheets[3].scores.c1`. */
    readonly path: string,
  ) {
    super(`${message}（位置：${path}）`);
  }
}

/** The canonical JSON text of `value`. Throws CanonicalJsonError for values JSON cannot carry. */
export function canonicalize(value: unknown): string {
  try {
    // Signing a round serializes megabytes: the first pass builds no location strings.
    return serialize(value, null, new Set());
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    // Same walk again, now naming each location, so the message says where the bad value is.
    return serialize(value, '$', new Set());
  }
}

/** UTF-8 bytes of the canonical JSON text: what gets hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8ToBytes(canonicalize(value));
}

/** `path` is the location of `value`, or null when the caller does not need locations. */
function serialize(value: unknown, path: string | null, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return serializeNumber(value, path);
    case 'string':
      return serializeString(value, path);
    case 'undefined':
      throw new CanonicalJsonError('值为 undefined，JSON 无法表示', path ?? '$');
    case 'function':
      throw new CanonicalJsonError('值为函数，JSON 无法表示', path ?? '$');
    case 'bigint':
      throw new CanonicalJsonError('值为 BigInt，JSON 无法表示', path ?? '$');
    case 'symbol':
      throw new CanonicalJsonError('值为 Symbol，JSON 无法表示', path ?? '$');
    case 'object':
      break;
  }
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalJsonError('对象存在循环引用', path ?? '$');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      const items: string[] = [];
      for (let i = 0; i < object.length; i++) {
        const itemPath = path === null ? null : `${path}[${i}]`;
        // Sparse arrays would silently become null in JSON.stringify: refuse the hole instead.
        if (!(i in object)) throw new CanonicalJsonError('数组中有空位', itemPath ?? '$');
        items.push(serialize(object[i], itemPath, ancestors));
      }
      return `[${items.join(',')}]`;
    }
    const prototype: unknown = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      // Dates, Maps, typed arrays… have no single JSON form; callers convert them first.
      throw new CanonicalJsonError('只能规范化普通对象、数组和基本值', path ?? '$');
    }
    const record = object as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is exactly what RFC 8785 §3.2.3 asks for.
    const keys = Object.keys(record).sort();
    const members = keys.map((key) => {
      const memberPath = path === null ? null : `${path}.${key}`;
      return `${serializeString(key, memberPath)}:${serialize(record[key], memberPath, ancestors)}`;
    });
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

function serializeNumber(value: number, path: string | null): string {
  if (!Number.isFinite(value)) {
    throw new CanonicalJsonError(`数值 ${String(value)} 不是有限数，JSON 无法表示`, path ?? '$');
  }
  // ECMAScript Number::toString is the RFC's number format; it also turns -0 into "0".
  return String(value);
}

const ANY_SURROGATE = /[\ud800-\udfff]/;

function serializeString(value: string, path: string | null): string {
  // I-JSON (RFC 7493), which JCS requires, forbids lone surrogates: they have no UTF-8 form.
  // Most strings have no surrogate at all; the native test spares them the loop.
  if (ANY_SURROGATE.test(value)) assertPairedSurrogates(value, path ?? '$');
  // With lone surrogates excluded, JSON.stringify's escaping is exactly RFC 8785 §3.2.2.2:
  // \" \\ \b \f \n \r \t, other controls as lowercase \u00xx, everything else literal.
  return JSON.stringify(value);
}

function assertPairedSurrogates(value: string, path: string): void {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      throw new CanonicalJsonError('字符串中有不成对的代理项（无效的 Unicode）', path);
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw new CanonicalJsonError('字符串中有不成对的代理项（无效的 Unicode）', path);
    }
  }
}
