/**
 * Size and speed of the workbook on a synthetic 500 packets × 15 experts × 30 criteria round.
 * Slow (tens of seconds), so it runs only with RD_BENCH=1 and prints the measurements.
 */
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '@shared/signing/ed25519';
import { buildResultWorkbook, seedSigner, verifyResultWorkbook } from '@shared/workbook';
import { syntheticInput } from './synthetic';

describe.skipIf(!process.env.RD_BENCH)('result workbook at scale', () => {
  it('500 × 15 × 30: write, verify', async () => {
    const input = syntheticInput(500, 15, 30);
    const signer = seedSigner(generateKeyPair().seed);
    let start = performance.now();
    const bytes = await buildResultWorkbook(input, signer);
    const write = performance.now() - start;
    start = performance.now();
    const result = verifyResultWorkbook(bytes);
    const verify = performance.now() - start;
    expect(result.ok).toBe(true);
    console.log(
      `500×15×30: write ${(write / 1000).toFixed(2)} s, verify ${(verify / 1000).toFixed(2)} s, ${(bytes.length / 1048576).toFixed(2)} MiB`,
    );
  }, 300_000);
});
