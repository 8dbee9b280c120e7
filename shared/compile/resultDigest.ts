/**
 * The fingerprint of a compile result: lowercase hex SHA-256 of its RFC 8785 canonical JSON.
 * The chair's confirmation stores it, so the app can tell whether the results shown today are the
 * ones that were confirmed, and the central system can re-derive it from the same inputs.
 */
import { canonicalBytes } from '../canonical/canonicalJson';
import { sha256Hex } from '../signing/hash';
import type { CompileResult } from './types';

export function resultDigest(result: CompileResult): string {
  return sha256Hex(canonicalBytes(result));
}
