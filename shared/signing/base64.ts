/**
 * Standard base64 (RFC 4648 §4, with padding). Written out because shared/ has no Buffer or
 * atob, and strict because a key or signature that decodes "loosely" is a tampering vector:
 * only the one canonical encoding of each byte string is accepted.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}${ALPHABET[(n >> 6) & 63]!}=`;
  }
  return out;
}

export class Base64Error extends Error {
  override name = 'Base64Error';
}

/** Decode canonical padded base64; throws Base64Error for anything else (whitespace included). */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Base64Error('base64 长度必须是 4 的倍数');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const values = [0, 1, 2, 3].map((k) => {
      const code = text.charCodeAt(i + k);
      if (last && code === 61 /* = */ && k >= 4 - padding) return 0;
      const value = code < 128 ? LOOKUP[code]! : -1;
      if (value < 0) throw new Base64Error(`base64 第 ${i + k + 1} 个字符无效`);
      return value;
    });
    const n = (values[0]! << 18) | (values[1]! << 12) | (values[2]! << 6) | values[3]!;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
    if (last && padding > 0 && (n & (padding === 2 ? 0xffff : 0xff)) !== 0) {
      // Non-zero bits under the padding: a second spelling of the same bytes.
      throw new Base64Error('base64 末尾的填充位不为零（非规范编码）');
    }
  }
  return out;
}
