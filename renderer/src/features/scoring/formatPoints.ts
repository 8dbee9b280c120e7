/** Points as people write them: at most two decimals, no trailing zeros (85.5, not 85.50). */
export function formatPoints(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function formatTime(date: Date): string {
  return date.toLocaleTimeString('zh-CN', { hour12: false });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { hour12: false });
}
