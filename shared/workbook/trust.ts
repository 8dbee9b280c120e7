/**
 * Trusted keys: which signing keys the central system has registered. A key is named by its
 * base64 raw public key or by its fingerprint (`a1b2 c3d4 e5f6 0718`, spaces optional).
 * KEYS.json (`review-desk verify --trust`): `{ "keys": [{ "name": "…", "publicKey": "<base64>" }] }`.
 */
import { z } from 'zod';
import { keyFingerprint } from '../signing/hash';
import { decodeBase64 } from '../signing/base64';
import { parseJsonText } from '../formats/text';
import { textSchema } from '../model/rubric';

const normalise = (fingerprint: string) => fingerprint.replace(/\s+/g, '').toLowerCase();

/** True when `publicKey` (raw bytes) is one of `trusted` (base64 keys or fingerprints). */
export function isTrustedKey(publicKey: Uint8Array, trusted: readonly string[]): boolean {
  const fingerprint = normalise(keyFingerprint(publicKey));
  return trusted.some((entry) => {
    if (/^[0-9a-f\s]+$/i.test(entry) && normalise(entry).length === 16) {
      return normalise(entry) === fingerprint;
    }
    try {
      const key = decodeBase64(entry.trim());
      return key.length === publicKey.length && key.every((b, i) => b === publicKey[i]);
    } catch {
      return false;
    }
  });
}

const keysFileSchema = z.strictObject({
  keys: z.array(
    z.strictObject({
      name: textSchema(200).min(1, '不能为空'),
      publicKey: z.string().refine((text) => {
        try {
          return decodeBase64(text).length === 32;
        } catch {
          return false;
        }
      }, '应为 32 字节 Ed25519 公钥的 base64'),
    }),
  ),
});

export interface TrustedKey {
  name: string;
  publicKey: string;
  fingerprint: string;
}

/** Parse KEYS.json; problems read `keys[0].publicKey：…`. */
export function parseTrustedKeys(
  text: string,
): { ok: true; keys: TrustedKey[] } | { ok: false; problems: string[] } {
  const json = parseJsonText(text, 'KEYS.json');
  if (!json.ok) {
    const { field, message } = json.problem;
    return { ok: false, problems: [field ? `${field}：${message}` : message] };
  }
  const parsed = keysFileSchema.safeParse(json.value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path
          .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
          .join('');
        return `${path || '（根）'}：${issue.message}`;
      }),
    };
  }
  return {
    ok: true,
    keys: parsed.data.keys.map((k) => ({
      ...k,
      fingerprint: keyFingerprint(decodeBase64(k.publicKey)),
    })),
  };
}
