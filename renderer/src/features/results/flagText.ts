import type { CompileFlag, CompileResult } from '@shared/compile';
import type { Messages } from '../../i18n/zh-CN';

/** A person as the screen names them: 姓名（编号）, or the id alone when the name is not known. */
export function personLabel(names: ReadonlyMap<string, string>, expertId: string): string {
  const name = names.get(expertId);
  return name ? `${name}（${expertId}）` : expertId;
}

/**
 * A round flag in words. A pending deviation names the experts who still have to settle it in
 * 复核 by name, where the compiled message carries only their ids.
 */
export function flagText(
  t: Messages,
  flag: CompileFlag,
  packets: CompileResult['packets'],
  names: ReadonlyMap<string, string>,
): string {
  if (flag.code !== 'deviation-pending') return flag.message;
  const packet = packets.find((p) => p.packetId === flag.packetIds[0]);
  if (!packet) return flag.message;
  const experts = packet.sheets
    .filter((s) => s.deviation.status === 'pending')
    .map((s) => personLabel(names, s.expertId));
  return t.results.deviationPendingFlag(packet.packetId, experts.join('、'));
}
