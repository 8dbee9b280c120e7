import { describe, expect, it } from 'vitest';
import { autoBackupName, isAutoBackupName, parseAutoBackupName } from './autoBackupName';

const at = new Date('2026-11-21T02:03:04.567Z');

describe('autoBackupName', () => {
  it('is <round>-<yyyyMMdd>-<HHmmss>.rdbackup in UTC', () => {
    expect(autoBackupName('DEMO-2026-01', at)).toBe('DEMO-2026-01-20261121-020304.rdbackup');
    expect(autoBackupName('R1', new Date('2026-01-02T23:59:59Z'))).toBe(
      'R1-20260102-235959.rdbackup',
    );
  });

  it('turns dots into underscores, so a name is never `..` or a device name like CON.x', () => {
    expect(autoBackupName('a..b', at)).toBe('a__b-20261121-020304.rdbackup');
    expect(autoBackupName('CON.x', at)).toBe('CON_x-20261121-020304.rdbackup');
  });

  it('round-trips every legal round id through its own parser', () => {
    for (const id of ['R', 'DEMO-2026-01', 'a.b.c', `x${'y'.repeat(63)}`, '0_-.9']) {
      const parsed = parseAutoBackupName(autoBackupName(id, at));
      expect(parsed, id).toEqual({ stem: id.replace(/\./g, '_'), stamp: '20261121-020304' });
    }
  });

  it('sorts by time when sorted by name', () => {
    const times = ['2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '2026-12-31T09:00:00Z'];
    const names = times.map((time) => autoBackupName('R1', new Date(time)));
    expect([...names].reverse().sort()).toEqual(names);
  });
});

describe('parseAutoBackupName', () => {
  it.each([
    ['an on-demand archive', 'R1-202611210203.rdbackup'],
    ['a parent directory', '..'],
    ['a path', '../R1-20261121-020304.rdbackup'],
    ['a Windows path', 'C:\\R1-20261121-020304.rdbackup'],
    ['a nested name', 'sub/R1-20261121-020304.rdbackup'],
    ['dots in the stem', 'a..b-20261121-020304.rdbackup'],
    ['a device name with an extension', 'CON.x-20261121-020304.rdbackup'],
    ['another extension', 'R1-20261121-020304.zip'],
    ['a double extension', 'R1-20261121-020304.rdbackup.exe'],
    ['a trailing dot', 'R1-20261121-020304.rdbackup.'],
    ['no stem', '-20261121-020304.rdbackup'],
    ['a stem starting with a dash', '-R1-20261121-020304.rdbackup'],
    ['a short stamp', 'R1-2026112-020304.rdbackup'],
    ['a NUL byte', 'R1\u0000-20261121-020304.rdbackup'],
    ['a newline', 'R1-20261121-020304.rdbackup\n'],
    ['non-ASCII', '评审-20261121-020304.rdbackup'],
    ['a stem longer than a round id', `${'a'.repeat(65)}-20261121-020304.rdbackup`],
    ['the empty string', ''],
  ])('refuses %s', (_label, name) => {
    expect(parseAutoBackupName(name)).toBeNull();
    expect(isAutoBackupName(name)).toBe(false);
  });

  it('reads a stem that itself ends in something stamp-like', () => {
    expect(parseAutoBackupName('R1-20260101-000000-20261121-020304.rdbackup')).toEqual({
      stem: 'R1-20260101-000000',
      stamp: '20261121-020304',
    });
  });
});
