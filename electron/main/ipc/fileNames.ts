/** Print output is always PDF, whatever name the renderer suggested. */
export function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}
