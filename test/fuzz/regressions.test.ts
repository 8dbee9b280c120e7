import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyResultWorkbook } from '@shared/workbook/verify';

/** Inputs the fuzz suites found, kept so the fixes stay fixed. */
describe('fuzz regressions', () => {
  it('a workbook with a corrupt deflate stream is refused at once (SheetJS looped forever on it)', () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('../fixtures/fuzz/workbook-sheetjs-inflate-hang.xlsx', import.meta.url)),
    );
    const started = performance.now();
    const result = verifyResultWorkbook(bytes);
    expect(result).toMatchObject({ ok: false, kind: 'unreadable' });
    if (!result.ok) expect(result.problems.join()).toContain('文件已损坏');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
