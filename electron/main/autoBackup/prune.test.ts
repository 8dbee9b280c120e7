import { describe, expect, it } from 'vitest';
import { archivesToPrune } from './prune';

const name = (stem: string, day: number, time = '120000') =>
  `${stem}-202611${String(day).padStart(2, '0')}-${time}.rdbackup`;

describe('archivesToPrune', () => {
  it('keeps nothing to delete while a round has at most `keep` archives', () => {
    const names = [1, 2, 3].map((day) => name('R1', day));
    expect(archivesToPrune(names, names[2]!, 3)).toEqual([]);
    expect(archivesToPrune(names.slice(0, 2), names[1]!, 3)).toEqual([]);
  });

  it('deletes the oldest of the round beyond the newest `keep`, counting the one written', () => {
    const names = [1, 2, 3, 4, 5].map((day) => name('R1', day));
    expect(archivesToPrune(names, names[4]!, 3).sort()).toEqual([names[0], names[1]]);
    expect(archivesToPrune(names, names[4]!, 1).sort()).toEqual(names.slice(0, 4));
  });

  it('orders by the time in the name, not by the listing order, down to the second', () => {
    const older = name('R1', 5, '235958');
    const newer = name('R1', 5, '235959');
    const newest = name('R1', 6, '000000');
    expect(archivesToPrune([newest, older, newer], newest, 2)).toEqual([older]);
  });

  it('never touches other rounds, the user’s own backups or other files', () => {
    const mine = [1, 2, 3].map((day) => name('R1', day));
    const folder = [
      ...mine,
      name('R2', 1),
      name('R1-x', 1),
      name('R', 1),
      'R1-202611010000.rdbackup',
      'R1-20261101-120000.rdbackup.tmp',
      '.R1-20261103-120000.rdbackup.a1b2c3.tmp',
      'notes.txt',
      '..',
    ];
    expect(archivesToPrune(folder, mine[2]!, 1).sort()).toEqual([mine[0], mine[1]]);
  });

  it('never deletes the archive just written, even when the clock went back', () => {
    const later = [5, 6, 7].map((day) => name('R1', day));
    const written = name('R1', 1);
    const pruned = archivesToPrune([...later, written], written, 2);
    expect(pruned).not.toContain(written);
    expect(pruned.sort()).toEqual([later[0], later[1]]);
  });

  it('deletes nothing for a name that is not an automatic archive, or keep below 1', () => {
    const names = [1, 2, 3].map((day) => name('R1', day));
    expect(archivesToPrune(names, 'R1-202611010000.rdbackup', 1)).toEqual([]);
    expect(archivesToPrune(names, names[2]!, 0)).toEqual([]);
  });
});
