import { describe, expect, it } from 'vitest';
import { withPdfExtension } from './fileNames';

describe('withPdfExtension', () => {
  it('adds .pdf when missing and keeps it when present in any case', () => {
    expect(withPdfExtension('专家签字表')).toBe('专家签字表.pdf');
    expect(withPdfExtension('summary.PDF')).toBe('summary.PDF');
    expect(withPdfExtension('summary.pdf.txt')).toBe('summary.pdf.txt.pdf');
  });
});
