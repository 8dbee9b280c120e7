import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '@shared/signing/ed25519';
import { sha256Hex } from '@shared/signing/hash';
import { seedSigner, verifyResultWorkbook, writeSignedWorkbook } from '@shared/workbook';
import { buildResultPayload } from '@shared/workbook';
import { syntheticInput } from '../test/workbook/synthetic';
import { nodeSha256Hex, nodeSigner } from './nodeCrypto';

describe('node:crypto signer and digest', () => {
  it('signs exactly as the JavaScript signer does (Ed25519 is deterministic)', async () => {
    const { seed } = generateKeyPair();
    const message = new TextEncoder().encode('评审结果 {"a":1}');
    const native = nodeSigner(seed);
    const js = seedSigner(seed);
    expect(native.publicKey).toEqual(js.publicKey);
    expect(await native.sign(message)).toEqual(await js.sign(message));
  });

  it('hashes exactly as the JavaScript digest does', () => {
    for (const text of ['', 'abc', '四川'.repeat(10_000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(nodeSha256Hex(bytes)).toBe(sha256Hex(bytes));
    }
  });

  it('writes a workbook that verifies under the signer’s key', async () => {
    const { seed } = generateKeyPair();
    const signer = nodeSigner(seed);
    const bytes = await writeSignedWorkbook(buildResultPayload(syntheticInput(4, 3, 2)), signer, {
      sha256Hex: nodeSha256Hex,
    });
    const publicKey = Buffer.from(signer.publicKey).toString('base64');
    expect(verifyResultWorkbook(bytes, { trustedKeys: [publicKey] }).ok).toBe(true);
  });

  it('refuses a seed of the wrong length', () => {
    expect(() => nodeSigner(new Uint8Array(31))).toThrow(/32 字节/);
  });
});
