import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { paperDigest } from '../papers/expertPaper';
import { shortHash } from '../signing/hash';
import { buildResultPayload } from '../workbook';
import { opinionsInput } from '../../test/workbook/opinionInputs';
import { buildPublicList, PUBLIC_LIST_COLUMNS, writePublicListWorkbook } from '.';

const payload = () => buildResultPayload(opinionsInput());

/** Every text a person or a program could find about the experts in a result payload. */
function expertData(p: ReturnType<typeof payload>): string[] {
  const out: string[] = [];
  for (const e of p.experts) out.push(e.name, e.id, e.org);
  for (const s of p.sheets) {
    out.push(s.comment, ...Object.values(s.vetoReasons));
  }
  for (const o of p.opinions ?? []) out.push(o.text, o.chair);
  for (const c of p.conflicts) out.push(c.reason);
  // Ids like e1 would match inside other words; names, comments and reasons are what matter.
  return [...new Set(out)].filter((text) => text.length >= 2 && !/^e\d+$/.test(text));
}

describe('公示名单', () => {
  it('lists per group the packets proposed for selection, worded 拟入选 / 拟备选, and no vetoed one', () => {
    const p = payload();
    const list = buildPublicList(p);
    expect(list.groups.map((g) => g.group)).toEqual(p.round.quotas.map((q) => q.group));
    for (const group of list.groups) {
      const quota = p.round.quotas.find((q) => q.group === group.group)!;
      expect(group.rows.filter((r) => r.conclusion === '拟入选').length).toBeLessThanOrEqual(
        quota.count + 1,
      );
      for (const row of group.rows) expect(['拟入选', '拟备选']).toContain(row.conclusion);
    }
    const titles = list.groups.flatMap((g) => g.rows.map((r) => r.title));
    const vetoed = p.results.find((r) => r.packetId === 'P002')!;
    expect(titles).not.toContain(vetoed.title);
    const first = list.groups[0]!.rows[0]!;
    const source = p.results.find((r) => r.title === first.title)!;
    expect(first).toEqual({
      rank: source.rank,
      title: source.title,
      applicant: source.applicant,
      city: source.city,
      score: source.score,
      conclusion: '拟入选',
    });
  });

  it('its .xlsx holds exactly the list: every cell checked, no expert name, point or comment anywhere', () => {
    const p = payload();
    const list = buildPublicList(p);
    const bytes = writePublicListWorkbook(list);

    // Every cell of every sheet is the list's own value, in place; nothing else has content.
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toHaveLength(list.groups.length);
    list.groups.forEach((group, g) => {
      const sheet = book.Sheets[book.SheetNames[g]!]!;
      const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
      expect(grid).toEqual([
        [...PUBLIC_LIST_COLUMNS],
        ...group.rows.map((r) => [r.rank, r.title, r.applicant, r.city, r.score, r.conclusion]),
      ]);
    });

    // Not in any part of the package (shared strings, sheets, properties) either.
    const parts = Object.values(unzipSync(bytes)).map((b) => strFromU8(b));
    const forbidden = expertData(p);
    expect(forbidden.length).toBeGreaterThan(10);
    for (const text of forbidden) {
      for (const part of parts) expect(part.includes(text), text).toBe(false);
    }
    // No criterion points: the only numbers are the ranks and the scores.
    const numbers = new Set(list.groups.flatMap((g) => g.rows.flatMap((r) => [r.rank, r.score])));
    for (const name of book.SheetNames) {
      for (const [address, cell] of Object.entries(book.Sheets[name]!)) {
        if (address.startsWith('!')) continue;
        if ((cell as XLSX.CellObject).t === 'n')
          expect(numbers.has((cell as XLSX.CellObject).v as number)).toBe(true);
      }
    }
  });

  it('prints like the result workbook: A4 landscape, header row on each page, footer with the digest', () => {
    const list = buildPublicList(payload());
    const parts = unzipSync(writePublicListWorkbook(list));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('orientation="landscape"');
    expect(sheet).toContain(`摘要 ${shortHash(paperDigest(list))}`);
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain('_xlnm.Print_Titles');
  });

  it('an evaluation round publishes every grade; nothing to publish is refused', () => {
    const p = payload();
    const evaluation = {
      ...p,
      round: { ...p.round, kind: 'evaluation' as const },
      results: p.results.map((r) => ({ ...r, decision: r.score !== null ? '合格' : null })),
    };
    const list = buildPublicList(evaluation);
    expect(list.groups.flatMap((g) => g.rows).length).toBe(p.results.length);
    const empty = buildPublicList({
      ...p,
      results: p.results.map((r) => ({ ...r, decision: null })),
    });
    expect(empty.groups).toEqual([]);
    expect(() => writePublicListWorkbook(empty)).toThrow('没有可公示的项目');
  });
});
