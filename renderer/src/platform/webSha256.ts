/**
 * SHA-256 by the browser's native WebCrypto digest, as lowercase hex. Hashing a package's
 * attachments or a round's signed payload in JavaScript took seconds, natively a fraction.
 * Usable in the page and in workers (no DOM needed).
 */
export async function webSha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>),
  );
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
