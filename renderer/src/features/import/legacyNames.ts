/**
 * Zip entry names written without the UTF-8 flag by Chinese Windows tools are GBK. `fatal`
 * makes an undecodable name an error (reported with a fix) rather than a name full of U+FFFD.
 */
export function decodeGbkName(bytes: Uint8Array): string {
  return new TextDecoder('gbk', { fatal: true }).decode(bytes);
}
