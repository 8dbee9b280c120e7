import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './dateTime';
import { formatPoints } from './points';

// The laptop's time zone decides what people read. Run these in Chengdu's (UTC+8) whatever the
// machine's own zone, so a UTC timestamp must move by eight hours to pass.
const saved = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterEach(() => {
  process.env.TZ = saved;
});

describe('dates and times on screen', () => {
  it('writes a UTC timestamp in local time, the Chinese way in Chinese', () => {
    expect(formatDateTime('2026-12-07T11:06:36Z')).toBe('2026年12月7日 19:06');
    expect(formatDateTime('2026-12-07T11:06:36Z', 'zh-CN')).toBe('2026年12月7日 19:06');
    expect(formatDate('2026-12-07T11:06:36Z')).toBe('2026年12月7日');
  });

  it('moves to the next day when local time has passed midnight', () => {
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027年1月1日 00:30');
  });

  it('reads offsets other than Z', () => {
    expect(formatDateTime('2026-12-07T19:06:36+08:00')).toBe('2026年12月7日 19:06');
  });

  it('writes English dates with the month by name', () => {
    expect(formatDateTime('2026-12-07T11:06:36Z', 'en')).toBe('7 Dec 2026, 19:06');
    expect(formatDate('2026-03-01T00:00:00+08:00', 'en')).toBe('1 Mar 2026');
  });

  it('gives the time of day to the second, from a Date or a string', () => {
    expect(formatTime(new Date('2026-12-07T11:06:05Z'))).toBe('19:06:05');
    expect(formatTime('2026-12-07T01:02:03Z')).toBe('09:02:03');
  });

  it('shows a value that is not a date as it is, rather than NaN', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatTime('')).toBe('');
  });
});

describe('points on screen', () => {
  it('has at most two decimals and no trailing zeros', () => {
    expect(formatPoints(85.5)).toBe('85.5');
    expect(formatPoints(85.504)).toBe('85.5');
    expect(formatPoints(90)).toBe('90');
    expect(formatPoints(1 / 3)).toBe('0.33');
  });
});
