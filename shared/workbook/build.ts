/**
 * buildResultWorkbook: compiled results → signed `.xlsx` bytes. The signer is either a raw seed
 * (CLI, tests) or the app's key custody (Platform.keys.sign), which may be asynchronous.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalize } from '../canonical/canonicalJson';
import { encodeBase64 } from '../signing/base64';
import { publicKeyFromSeed, signEd25519 } from '../signing/ed25519';
import { keyFingerprint, sha256Hex, shortHash } from '../signing/hash';
import { buildResultPayload, type ResultWorkbookInput } from './buildPayload';
import { SHEET } from './format';
import type { ResultPayload } from './payload';
import { renderVisibleSheets } from './render';
import { signatureRows } from './signatureSheet';
import { writeWorkbook } from './xlsxWrite';

export interface WorkbookSigner {
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  /** Ed25519 signature (64 bytes) over exactly these bytes. */
  sign(bytes: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

/** A signer for a raw 32-byte seed, as read from a PKCS#8 PEM. */
export function seedSigner(seed: Uint8Array): WorkbookSigner {
  return { publicKey: publicKeyFromSeed(seed), sign: (bytes) => signEd25519(bytes, seed) };
}

export interface WriteWorkbookOptions {
  /**
   * SHA-256 (hex) of the payload bytes. Defaults to the JavaScript digest, which works
   * everywhere; the app and the CLI pass the platform's native one (WebCrypto, node:crypto),
   * several times faster on the megabytes of a provincial round's payload.
   */
  sha256Hex?: (bytes: Uint8Array) => string | Promise<string>;
}

/** Sign an already built payload and write the workbook. */
export async function writeSignedWorkbook(
  payload: ResultPayload,
  signer: WorkbookSigner,
  options: WriteWorkbookOptions = {},
): Promise<Uint8Array> {
  const text = canonicalize(payload);
  const bytes = utf8ToBytes(text);
  const [signature, sha256] = await Promise.all([
    signer.sign(bytes),
    (options.sha256Hex ?? sha256Hex)(bytes),
  ]);
  const rows = signatureRows({
    format: payload.format,
    roundId: payload.round.id,
    sha256,
    publicKey: encodeBase64(signer.publicKey),
    keyId: keyFingerprint(signer.publicKey),
    signature: encodeBase64(signature),
    payload: text,
  });
  return writeWorkbook(
    renderVisibleSheets(payload),
    { name: SHEET.signature, rows, widths: [40, 90] },
    { title: payload.round.title, roundId: payload.round.id, shortHash: shortHash(sha256) },
  );
}

export async function buildResultWorkbook(
  input: ResultWorkbookInput,
  signer: WorkbookSigner,
  options: WriteWorkbookOptions = {},
): Promise<Uint8Array> {
  return writeSignedWorkbook(buildResultPayload(input), signer, options);
}
