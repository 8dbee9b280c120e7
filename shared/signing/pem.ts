/**
 * PEM (RFC 7468) for Ed25519 keys, limited to the fixed DER shapes RFC 8410 defines. Ed25519
 * keys have exactly one encoding each, so matching byte prefixes is a complete parser — no
 * general ASN.1 decoder needed, and nothing else is accepted by accident.
 */
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { decodeBase64, encodeBase64 } from './base64';
import { publicKeyFromSeed } from './ed25519';

/** PKCS#8 v1 PrivateKeyInfo: SEQ { INT 0, SEQ { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }. */
const PKCS8_V1_PREFIX = hexToBytes('302e020100300506032b657004220420');
/** PKCS#8 v2 OneAsymmetricKey (OpenSSL may write it): as v1 with version 1 and [1] publicKey. */
const PKCS8_V2_PREFIX = hexToBytes('3051020101300506032b657004220420');
const PKCS8_V2_PUBLIC_TAG = hexToBytes('812100');
/** SubjectPublicKeyInfo: SEQ { SEQ { OID 1.3.101.112 }, BIT STRING (0 unused bits, 32 bytes) }. */
const SPKI_PREFIX = hexToBytes('302a300506032b6570032100');

export class PemError extends Error {
  override name = 'PemError';
}

function pemBody(text: string, label: string): Uint8Array {
  const match = new RegExp(
    `-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*)-----END ${label}-----`,
  ).exec(text);
  if (!match) throw new PemError(`不是 PEM 格式的 ${label}（缺少 BEGIN/END ${label} 标记）`);
  try {
    return decodeBase64(match[1]!.replace(/\s+/g, ''));
  } catch {
    throw new PemError(`PEM 内容不是有效的 base64`);
  }
}

function wrapPem(der: Uint8Array, label: string): string {
  const lines = encodeBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && equalBytes(bytes.subarray(0, prefix.length), prefix);
}

/** The 32-byte seed from a `PRIVATE KEY` PEM (PKCS#8, Ed25519 only). */
export function parsePrivateKeyPem(text: string): Uint8Array {
  if (text.includes('ENCRYPTED PRIVATE KEY')) {
    throw new PemError('私钥已加密，请先导出未加密的 PKCS#8 私钥');
  }
  const der = pemBody(text, 'PRIVATE KEY');
  if (der.length === 48 && startsWith(der, PKCS8_V1_PREFIX)) return der.slice(16);
  if (der.length === 83 && startsWith(der, PKCS8_V2_PREFIX)) {
    const seed = der.slice(16, 48);
    const tag = der.subarray(48, 51);
    const embedded = der.subarray(51);
    if (!equalBytes(tag, PKCS8_V2_PUBLIC_TAG) || !equalBytes(embedded, publicKeyFromSeed(seed))) {
      throw new PemError('私钥文件中的公钥与私钥不匹配');
    }
    return seed;
  }
  throw new PemError(`不是 Ed25519 私钥（DER 开头为 ${bytesToHex(der.subarray(0, 16))}）`);
}

/** PKCS#8 v1 PEM, the form `openssl genpkey -algorithm ed25519` and node:crypto write. */
export function privateKeyToPem(seed: Uint8Array): string {
  if (seed.length !== 32) throw new PemError('Ed25519 私钥必须是 32 字节');
  return wrapPem(concatBytes(PKCS8_V1_PREFIX, seed), 'PRIVATE KEY');
}

/** The 32 raw bytes from a `PUBLIC KEY` PEM (SubjectPublicKeyInfo, Ed25519 only). */
export function parsePublicKeyPem(text: string): Uint8Array {
  const der = pemBody(text, 'PUBLIC KEY');
  if (der.length === 44 && startsWith(der, SPKI_PREFIX)) return der.slice(12);
  throw new PemError('不是 Ed25519 公钥');
}

export function publicKeyToPem(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new PemError('Ed25519 公钥必须是 32 字节');
  return wrapPem(concatBytes(SPKI_PREFIX, publicKey), 'PUBLIC KEY');
}
