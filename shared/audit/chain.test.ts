import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  chainNext,
  verifyAuditChain,
  type AuditContent,
  type ChainedAuditEntry,
} from './chain';

const content = (n: number): AuditContent => ({
  roundId: 'R1',
  at: `2026-11-20T10:0${n}:00.000Z`,
  actor: n % 2 ? '王建国' : '秘书',
  action: 'sheet.submit',
  subject: `P00${n}/e1`,
  detail: `提交评分表 ${n} 𠮷`,
});

function chainOf(count: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  for (let n = 1; n <= count; n += 1) entries.push(chainNext(content(n), entries.at(-1)));
  return entries;
}

describe('audit chain', () => {
  it('links each entry to the previous one and checks intact', () => {
    const entries = chainOf(5);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[3]!.prevHash).toBe(entries[2]!.hash);
    expect(verifyAuditChain(entries)).toEqual({ intact: true, entries: 5, head: entries[4]!.hash });
    expect(verifyAuditChain([])).toEqual({ intact: true, entries: 0, head: GENESIS_HASH });
  });

  it('detects an edited entry', () => {
    const entries = chainOf(5);
    entries[2] = { ...entries[2]!, detail: '提交评分表（改过）' };
    expect(verifyAuditChain(entries)).toMatchObject({
      intact: false,
      brokenAt: 3,
      reason: expect.stringMatching(/被修改/),
    });
  });

  it('detects an edit that also recomputes its own hash, at the next entry', () => {
    const entries = chainOf(5);
    const forged = chainNext({ ...content(3), actor: '别人' }, entries[1]);
    entries[2] = forged;
    expect(verifyAuditChain(entries)).toMatchObject({ intact: false, brokenAt: 4 });
  });

  it('detects a deleted entry in the middle and at the start', () => {
    const middle = chainOf(5);
    middle.splice(1, 1);
    expect(verifyAuditChain(middle)).toMatchObject({
      intact: false,
      brokenAt: 2,
      reason: expect.stringMatching(/删除或插入/),
    });
    const start = chainOf(3).slice(1);
    expect(verifyAuditChain(start)).toMatchObject({ intact: false, brokenAt: 1 });
  });

  it('detects swapped entries', () => {
    const entries = chainOf(4);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyAuditChain(entries).intact).toBe(false);
  });

  it('cannot see a truncated tail by itself (the head hash is what the export records)', () => {
    const entries = chainOf(4);
    const truncated = verifyAuditChain(entries.slice(0, 3));
    expect(truncated.intact).toBe(true);
    if (truncated.intact) expect(truncated.head).not.toBe(entries[3]!.hash);
  });
});
