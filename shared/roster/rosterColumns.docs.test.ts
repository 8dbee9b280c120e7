import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPERT_COLUMNS, PROJECT_COLUMNS, type ColumnSpec } from './rosterColumns';

/** The header table as docs/formats.md prints it, one row per column of the code's table. */
function tableRows(sheet: string, specs: readonly ColumnSpec<string>[]): string[] {
  return specs.map(
    (s) =>
      `| ${sheet} | ${s.label} → ${s.target} | ${s.required ? 'yes' : 'no'} | ${s.accepted.join(', ')} |`,
  );
}

describe('docs/formats.md', () => {
  it('prints the roster header table the code reads, row for row', () => {
    const docs = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');
    const start = docs.indexOf('## Roster spreadsheet');
    const section = docs.slice(start, docs.indexOf('\n## ', start + 1));
    const documented = section.split('\n').filter((line) => /^\| (项目|专家) \|/.test(line));
    expect(documented).toEqual([
      ...tableRows('项目', PROJECT_COLUMNS),
      ...tableRows('专家', EXPERT_COLUMNS),
    ]);
  });
});
