import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../data/rows';
import { nextSheetToScore } from './nextSheetToScore';

const ids = ['P1', 'P2', 'P3', 'P4'];
const statuses = (entries: [string, SheetRow['status']][]) => new Map(entries);

describe('nextSheetToScore', () => {
  it('takes the next packet in list order that is not submitted', () => {
    expect(nextSheetToScore(ids, statuses([['P1', 'submitted']]), 'P1')).toBe('P2');
    expect(
      nextSheetToScore(
        ids,
        statuses([
          ['P2', 'submitted'],
          ['P3', 'conflict'],
        ]),
        'P1',
      ),
    ).toBe('P4');
  });

  it('goes round to the top of the list for a sheet skipped earlier', () => {
    expect(
      nextSheetToScore(
        ids,
        statuses([
          ['P3', 'submitted'],
          ['P4', 'submitted'],
        ]),
        'P3',
      ),
    ).toBe('P1');
  });

  it('offers a returned or half-done sheet, and nothing when all are submitted', () => {
    expect(nextSheetToScore(ids, statuses([['P2', 'returned']]), 'P1')).toBe('P2');
    const done = statuses(ids.map((id) => [id, 'submitted']));
    expect(nextSheetToScore(ids, done, 'P4')).toBeNull();
  });
});
