import type { Language } from '../../i18n/I18nProvider';

/**
 * Dates and times as people read them, in this laptop's local time: in Chinese
 * 2026年12月7日 19:06, in English 7 Dec 2026, 19:06. Stored times are ISO strings (often UTC);
 * nobody should have to convert `2026-12-07T11:06:36Z` in their head.
 */

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

const pad2 = (n: number) => String(n).padStart(2, '0');

function parsed(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The calendar date: 2026年12月7日 or 7 Dec 2026. */
export function formatDate(value: string | Date, language: Language = 'zh-CN'): string {
  const date = parsed(value);
  if (!date) return String(value);
  const [y, m, d] = [date.getFullYear(), date.getMonth(), date.getDate()];
  return language === 'zh-CN' ? `${y}年${m + 1}月${d}日` : `${d} ${MONTHS_EN[m]} ${y}`;
}

/** Date and time to the minute: 2026年12月7日 19:06 or 7 Dec 2026, 19:06. */
export function formatDateTime(value: string | Date, language: Language = 'zh-CN'): string {
  const date = parsed(value);
  if (!date) return String(value);
  const time = `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
  return `${formatDate(date, language)}${language === 'zh-CN' ? ' ' : ', '}${time}`;
}

/** The time of day to the second (19:06:36), for "saved at" and "locked until" on the same day. */
export function formatTime(value: string | Date): string {
  const date = parsed(value);
  if (!date) return String(value);
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}
